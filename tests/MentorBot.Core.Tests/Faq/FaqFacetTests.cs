using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Faq;

/// <summary>
/// Entries that hold figures for one region or role (<see cref="FaqEntry.About"/>) are not answered for a question
/// that names another value of the same facet: a salary in Germany must not get India's salary table.
/// </summary>
public sealed class FaqFacetTests
{
    private static readonly FaqEntry IndiaPay = new(
        "pay-india", "What do backend developers earn in India?",
        ["backend developer salary in india", "backend pay india", "how much does a backend developer earn in india"],
        ["salary"], ["guide"], [], "Freshers earn 3-6 LPA.\n\nSources: Guide.", "faq/pay-india.md") { About = ["india", "backend"] };

    private static readonly FaqEntry Degree = new(
        "degree", "Do I need a degree?",
        ["Is a degree required?", "degree or self taught", "does a degree matter for hiring"],
        ["degree"], ["guide"], [], "No, a degree helps but is not required.\n\nSources: Guide.", "faq/degree.md");

    private static readonly Lexicon Lexicon = new(
        [["salary", "pay", "earn"], ["india", "indian", "bangalore"], ["germany", "german", "berlin"], ["backend", "back end"], ["data scientist", "data science"]],
        [])
    {
        Facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["region"] = ["india", "germany"],
            ["role"] = ["backend", "data scientist"],
        },
    };

    private static FaqService Engine(Lexicon lexicon) =>
        new(new StaticKnowledgeProvider(new KnowledgeBase([IndiaPay, Degree], [], lexicon)));

    [Theory]
    [InlineData("backend developer salary in germany")]
    [InlineData("how much does a backend developer earn in berlin")]
    [InlineData("data scientist salary in india")]
    public void A_question_naming_another_region_or_role_is_declined_and_the_entry_only_suggested(string question)
    {
        var faq = Engine(Lexicon);

        var result = faq.Ask(question);

        Assert.Null(result.Entry);
        Assert.Equal("pay-india", Assert.Single(result.Suggestions).Id);
        Assert.Contains("only about", faq.Explain(question).Decision, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backend developer salary in bangalore")]
    [InlineData("how much does a backend developer earn")]
    [InlineData("backend pay in india compared with germany")]
    public void A_question_naming_the_entrys_values_or_none_is_answered(string question)
    {
        Assert.Equal("pay-india", Engine(Lexicon).Ask(question).Entry?.Id);
    }

    [Fact]
    public void Without_facets_in_the_lexicon_the_entry_answers_every_region()
    {
        var plain = Lexicon with { Facets = new Dictionary<string, IReadOnlyList<string>>() };

        Assert.Equal("pay-india", Engine(plain).Ask("backend developer salary in germany").Entry?.Id);
    }

    [Fact]
    public void Entries_without_about_are_not_narrowed_by_a_region()
    {
        Assert.Equal("degree", Engine(Lexicon).Ask("is a degree required in germany").Entry?.Id);
    }
}
