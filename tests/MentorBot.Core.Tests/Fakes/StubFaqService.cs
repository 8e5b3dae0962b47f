using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Fakes;

/// <summary>Returns whatever the test set, and remembers the questions it was asked.</summary>
internal sealed class StubFaqService : IFaqService
{
    public FaqResult Result { get; set; } = new(null, 0, []);

    public List<string> Asked { get; } = [];

    public FaqResult Ask(string question)
    {
        Asked.Add(question);
        return Result;
    }

    public IReadOnlyList<FaqEntry> Complete(string partialQuestion, int max) => [];
}
