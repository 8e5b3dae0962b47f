using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Tests.Knowledge;

namespace MentorBot.Core.Tests.Faq;

/// <summary>One FAQ engine over the shipped knowledge base, shared by the tests (building the index is the slow part).</summary>
internal static class ShippedFaq
{
    private static readonly Lazy<KnowledgeBase> LazyKnowledge = new(() =>
    {
        var result = KnowledgeLoader.Load(RepoPaths.KnowledgeRoot);
        return result.Knowledge ?? throw new InvalidOperationException(string.Join("\n", result.Problems));
    });

    private static readonly Lazy<FaqService> LazyService = new(() => new FaqService(new MentorBot.Core.Knowledge.StaticKnowledgeProvider(LazyKnowledge.Value)));

    public static KnowledgeBase Knowledge => LazyKnowledge.Value;

    public static FaqService Service => LazyService.Value;
}
