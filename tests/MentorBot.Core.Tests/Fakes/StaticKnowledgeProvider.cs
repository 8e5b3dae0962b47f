using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Fakes;

internal sealed class StaticKnowledgeProvider(KnowledgeBase current) : IKnowledgeProvider
{
    public KnowledgeBase Current { get; set; } = current;
}
