using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;

namespace MentorBot.Discord.Tests.Fakes;

public sealed class EmptyFaqService : IFaqService
{
    public FaqResult Ask(string question) => throw new NotSupportedException();

    public IReadOnlyList<FaqEntry> Complete(string partialQuestion, int max) => [];
}
