using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Fakes;

/// <summary>A knowledge provider whose snapshot a test can replace, as a hot reload would.</summary>
internal sealed class SwappableKnowledgeProvider(KnowledgeBase current) : IKnowledgeProvider
{
    public KnowledgeBase Current { get; set; } = current;
}
