using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Faq;

/// <summary>The engine on tiny hand-built knowledge: the lexicon's synonyms matter and a new snapshot rebuilds the index.</summary>
public sealed class FaqLexiconAndSnapshotTests
{
    private static readonly FaqEntry Orchestration = new(
        "orchestration", "How do I run containers in a cluster?",
        ["Should I learn kubernetes?", "kubernetes for beginners", "what does kubernetes do"],
        ["kubernetes"], ["guide"], [], "Kubernetes schedules containers across machines.\n\nSources: Guide.", "faq/orchestration.md");

    private static readonly FaqEntry Degree = new(
        "degree", "Do I need a degree?",
        ["Is a degree required?", "degree or self taught", "does a degree matter for hiring"],
        ["degree"], ["guide"], [], "No, a degree helps but is not required.\n\nSources: Guide.", "faq/degree.md");

    private static readonly FaqEntry Salary = new(
        "salary", "What do developers earn?",
        ["What is the salary of a developer?", "salary ranges", "starting salary"],
        ["salary"], ["guide"], [], "It depends on the country and the level.\n\nSources: Guide.", "faq/salary.md");

    private static readonly Lexicon Synonyms = new([["kubernetes", "k8s"], ["degree", "uni", "diploma"], ["salary", "wage", "paycheck"]], []);

    private static FaqService Engine(Lexicon lexicon) =>
        new(new MentorBot.Core.Knowledge.StaticKnowledgeProvider(new KnowledgeBase([Orchestration, Degree, Salary], [], lexicon)));

    [Theory]
    [InlineData("what is k8s", "orchestration")]
    [InlineData("do I need uni", "degree")]
    [InlineData("typical wage", "salary")]
    public void A_question_using_only_a_synonym_finds_the_entry_through_the_lexicon(string question, string expected)
    {
        Assert.Equal(expected, Engine(Synonyms).Ask(question).Entry?.Id);
    }

    [Theory]
    [InlineData("what is k8s")]
    [InlineData("do I need uni")]
    [InlineData("typical wage")]
    public void Without_the_lexicon_the_synonym_is_not_understood(string question)
    {
        var result = Engine(Lexicon.Empty).Ask(question);

        Assert.Null(result.Entry);
        Assert.Empty(result.Suggestions);
    }

    [Fact]
    public void Off_topic_words_of_the_lexicon_decline_unless_an_in_scope_word_is_present()
    {
        var lexicon = new Lexicon([], ["nurse"]) { InScope = ["kubernetes"] };
        var faq = Engine(lexicon);

        Assert.Null(faq.Ask("what salary does a nurse get").Entry);
        Assert.Equal("salary", Engine(Lexicon.Empty).Ask("what salary does a nurse get").Entry?.Id);
        Assert.Equal("orchestration", faq.Ask("kubernetes for a nurse").Entry?.Id);
    }

    [Fact]
    public void The_index_is_rebuilt_when_the_snapshot_changes()
    {
        var provider = new SwappableKnowledgeProvider(new KnowledgeBase([Degree], [], Lexicon.Empty));
        var faq = new FaqService(provider);

        Assert.Null(faq.Ask("what is the salary of a developer").Entry);
        Assert.Single(faq.Complete("", 10));

        provider.Current = new KnowledgeBase([Degree, Salary], [], Lexicon.Empty);

        Assert.Equal("salary", faq.Ask("what is the salary of a developer").Entry?.Id);
        Assert.Equal(2, faq.Complete("", 10).Count);

        provider.Current = new KnowledgeBase([Degree], [], Synonyms);

        Assert.Null(faq.Ask("salary").Entry);
        Assert.Equal("degree", faq.Ask("diploma").Entry?.Id);
    }

    [Fact]
    public void Empty_knowledge_answers_nothing()
    {
        var faq = new FaqService(new MentorBot.Core.Knowledge.StaticKnowledgeProvider(KnowledgeBase.Empty));

        var result = faq.Ask("do I need a degree");

        Assert.Null(result.Entry);
        Assert.Empty(result.Suggestions);
        Assert.Empty(faq.Complete("deg", 5));
        Assert.Empty(faq.Complete("", 5));
    }

    private sealed class SwappableKnowledgeProvider(KnowledgeBase initial) : IKnowledgeProvider
    {
        public KnowledgeBase Current { get; set; } = initial;
    }
}
