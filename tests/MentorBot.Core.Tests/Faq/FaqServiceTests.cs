using MentorBot.Core.Faq;

namespace MentorBot.Core.Tests.Faq;

/// <summary>The engine on the shipped knowledge, with questions written for these tests (not taken from the entries).</summary>
public sealed class FaqServiceTests
{
    private static FaqService Faq => ShippedFaq.Service;

    private static string? Id(string question) => Faq.Ask(question).Entry?.Id;

    [Theory]
    [InlineData("DO I NEED A CS DEGREE???", "do i need a cs degree")]
    [InlineData("Which Database Should A Newbie Pick!!", "which database should a newbie pick")]
    [InlineData("HOW MUCH DOES A BACKEND DEV MAKE IN INDIA?", "how much does a backend dev make in india")]
    public void Casing_and_punctuation_do_not_change_the_answer(string shouted, string plain)
    {
        var loud = Faq.Ask(shouted);
        var quiet = Faq.Ask(plain);

        Assert.NotNull(quiet.Entry);
        Assert.Equal(quiet.Entry.Id, loud.Entry?.Id);
        Assert.Equal(quiet.Confidence, loud.Confidence);
    }

    [Theory]
    [InlineData("do i really need a cs degre for this", "degree-required")]
    [InlineData("which databse is best to start with", "databases")]
    [InlineData("is kubernets something a server dev must learn", "cloud-and-deployment")]
    [InlineData("how do I get an intrenship as a backend beginner", "no-experience")]
    public void Typos_are_corrected(string question, string expected)
    {
        Assert.Equal(expected, Id(question));
    }

    [Theory]
    [InlineData("which databases are good to learn", "which database is good to learn")]
    [InlineData("are certifications useful for a backend job", "is a certification useful for a backend job")]
    [InlineData("deploying my api to the cloud", "deployment of an api to the cloud")]
    public void Word_forms_and_plurals_meet(string one, string other)
    {
        var first = Id(one);
        Assert.NotNull(first);
        Assert.Equal(first, Id(other));
    }

    [Theory]
    [InlineData("is CS at uni a must for backend", "degree-required")]
    [InlineData("is k8s worth learning for backend", "cloud-and-deployment")]
    [InlineData("which db should a newbie start with", "databases")]
    [InlineData("is js ok as my very first server language", "first-language")]
    [InlineData("how much devops should a backend dev know", "cloud-and-deployment")]
    [InlineData("backend dev pay in america", "salary-us")]
    [InlineData("backend fresher ctc in bangalore", "salary-india")]
    // Typed in lower case, "us" alone is the pronoun and a stopword; "the us" and "the states" name the country.
    [InlineData("what do backend engineers earn in the us", "salary-us")]
    [InlineData("junior backend pay in the states", "salary-us")]
    public void Synonyms_and_abbreviations_find_the_entry(string question, string expected)
    {
        Assert.Equal(expected, Id(question));
    }

    [Theory]
    // Romanised Hindi mixed with English, as many learners in Indian communities write; without the gloss each of
    // these went to another entry or was declined (the lexical engine knew only its English nouns).
    [InlineData("backend wale log kitna kamate hai america mein", "salary-us")]
    [InlineData("bina degree ke naukri milegi kya backend mein", "degree-required")]
    [InlineData("frontend aur backend mein kya antar hai", "frontend-vs-backend")]
    [InlineData("backend me konsa database seekhu", "databases")]
    [InlineData("sabse pehle konsi language seekhni chahiye backend ke liye", "first-language")]
    public void Hinglish_questions_find_the_entry(string question, string expected)
    {
        Assert.Equal(expected, Id(question));
    }

    [Fact]
    public void A_declined_Hinglish_question_still_gets_the_english_hint()
    {
        var result = Faq.Ask("mera laptop kyun itna garam hota hai, kya karu yaar");

        Assert.Null(result.Entry);
        Assert.True(result.NotEnglish);
    }

    [Theory]
    [InlineData("how much does a nurse earn")]
    [InlineData("best pizza in town")]
    [InlineData("how do I become a chef")]
    [InlineData("what is the weather like tomorrow")]
    [InlineData("how do I center a div with css")]
    public void Off_topic_questions_are_declined(string question)
    {
        var result = Faq.Ask(question);

        Assert.Null(result.Entry);
        Assert.False(result.Answered);
        Assert.True(result.Suggestions.Count <= 3);
        Assert.True(result.Confidence < ShippedFaq.Knowledge.Calibration.Lexical.AnswerAt);
    }

    [Fact]
    public void Off_topic_marker_declines_without_suggestions()
    {
        var result = Faq.Ask("how much does a nurse earn");

        Assert.Null(result.Entry);
        Assert.Empty(result.Suggestions);
    }

    [Fact]
    public void Every_entry_id_is_an_exact_hit_with_full_confidence()
    {
        Assert.All(ShippedFaq.Knowledge.Faq, entry =>
        {
            var result = Faq.Ask(entry.Id);
            Assert.Same(entry, result.Entry);
            Assert.Equal(1, result.Confidence);
            Assert.Empty(result.Suggestions);
        });
    }

    [Fact]
    public void Every_title_finds_its_own_entry()
    {
        Assert.All(ShippedFaq.Knowledge.Faq, entry => Assert.Equal(entry.Id, Id(entry.Title)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("?!.")]
    public void Empty_or_blank_question_is_not_answered(string question)
    {
        var result = Faq.Ask(question);

        Assert.Null(result.Entry);
        Assert.Empty(result.Suggestions);
        Assert.Equal(0, result.Confidence);
    }

    [Fact]
    public void Very_long_input_does_not_throw()
    {
        var words = string.Concat(Enumerable.Repeat("backend database salary kubernetes ", 200));
        var question = words[..5000];

        var result = Faq.Ask(question);
        var noise = Faq.Ask(new string('x', 5000));
        var completions = Faq.Complete(question, 10);

        Assert.InRange(result.Confidence, 0, 1);
        Assert.Null(noise.Entry);
        Assert.True(completions.Count <= 10);
    }

    [Theory]
    [InlineData("do I need a degree")]
    [InlineData("what is the salary in india")]
    [InlineData("random words about nothing in particular")]
    [InlineData("what should I build for my github")]
    [InlineData("tell me about apis and databases and docker and salaries")]
    [InlineData("is python good")]
    [InlineData("help")]
    public void Confidence_is_within_zero_and_one_and_suggestions_are_at_most_three(string question)
    {
        var result = Faq.Ask(question);

        Assert.InRange(result.Confidence, 0, 1);
        Assert.True(result.Suggestions.Count <= 3);
        if (result.Entry is not null)
        {
            Assert.Empty(result.Suggestions);
            Assert.True(result.Confidence >= ShippedFaq.Knowledge.Calibration.Lexical.AnswerAt);
        }
    }

    [Fact]
    public void Complete_of_a_half_typed_word_puts_the_salary_entries_first()
    {
        var completions = Faq.Complete("sal", 25);

        Assert.InRange(completions.Count, 2, 25);
        Assert.Equal(
            new HashSet<string> { "salary-india", "salary-us" },
            completions.Take(2).Select(e => e.Id).ToHashSet());
        Assert.Equal(completions.Count, completions.Distinct().Count());
    }

    [Fact]
    public void Complete_of_nothing_lists_the_requested_number_of_entries()
    {
        Assert.Equal(5, Faq.Complete("", 5).Count);
        Assert.Equal(5, Faq.Complete("   ", 5).Count);
        Assert.Empty(Faq.Complete("salary", 0));
    }

    [Fact]
    public void Complete_puts_an_exact_id_first()
    {
        var completions = Faq.Complete("databases", 3);

        Assert.Equal("databases", completions[0].Id);
    }

    [Fact]
    public void Explain_lists_terms_and_the_top_candidate()
    {
        var explanation = Faq.Explain("which databse should I learn");

        Assert.NotEmpty(explanation.Terms);
        Assert.NotEmpty(explanation.Fused);
        Assert.Equal("databases", explanation.Fused[0].Entry.Id);
        Assert.Equal("databases", explanation.Lexical[0].Entry.Id);
        Assert.True(explanation.Fused.Count <= 5);
        Assert.StartsWith("answered", explanation.Decision, StringComparison.Ordinal);
    }
}
