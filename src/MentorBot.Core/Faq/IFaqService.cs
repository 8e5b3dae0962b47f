using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq;

/// <summary>Answers free-text questions from the live knowledge base.</summary>
public interface IFaqService
{
    FaqResult Ask(string question);

    /// <summary>The best matches for partly typed text, for autocomplete; at most <paramref name="max"/>.</summary>
    IReadOnlyList<FaqEntry> Complete(string partialQuestion, int max);
}
