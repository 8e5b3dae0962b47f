using MentorBot.Core.Faq;

namespace MentorBot.Core.Tests.Faq;

public sealed class TextAnalysisTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("database", "database", 0)]
    [InlineData("databse", "database", 1)]
    [InlineData("degre", "degree", 1)]
    [InlineData("kubernets", "kubernetes", 1)]
    [InlineData("teh", "the", 1)]
    [InlineData("nurse", "purse", 1)]
    [InlineData("abcd", "badc", 2)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]
    public void Edit_distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, SpellingCorrector.EditDistance(a, b));
        Assert.Equal(expected, SpellingCorrector.EditDistance(b, a));
    }

    [Fact]
    public void Corrector_fixes_words_to_the_closest_known_word_with_the_same_first_letter()
    {
        var corrector = new SpellingCorrector(new Dictionary<string, int>
        {
            ["database"] = 5,
            ["degree"] = 3,
            ["kubernetes"] = 2,
            ["purse"] = 1,
        });

        Assert.Equal("database", corrector.Correct("databse"));
        Assert.Equal("degree", corrector.Correct("degre"));
        Assert.Equal("kubernetes", corrector.Correct("kubernets"));
        Assert.Null(corrector.Correct("nurse"));
        Assert.Null(corrector.Correct("deg"));
        Assert.Null(corrector.Correct("xyzzy"));
        Assert.True(corrector.IsKnown("degree"));
        Assert.False(corrector.IsKnown("degre"));
    }

    [Theory]
    [InlineData("Is C# good?", new[] { "is", "csharp", "good" })]
    [InlineData("C++ or Go", new[] { "cplusplus", "or", "golang" })]
    [InlineData("Go to the docs", new[] { "go", "to", "the", "docs" })]
    [InlineData("learn .NET", new[] { "learn", "dotnet" })]
    [InlineData("ASP.NET Core", new[] { "asp", "dotnet", "core" })]
    [InlineData("Node.js vs Express.js", new[] { "nodejs", "vs", "expressjs" })]
    [InlineData("salary in the US", new[] { "salary", "in", "the", "usa" })]
    [InlineData("work in the U.S.", new[] { "work", "in", "the", "usa" })]
    [InlineData("USA jobs", new[] { "usa", "jobs" })]
    [InlineData("tell us more", new[] { "tell", "us", "more" })]
    [InlineData("What's a dev's job?", new[] { "whats", "a", "devs", "job" })]
    [InlineData("₹10 LPA or $90k", new[] { "inr", "10", "lpa", "or", "usd", "90k" })]
    [InlineData("", new string[0])]
    [InlineData("?!", new string[0])]
    public void Tokenizer_keeps_the_spellings_punctuation_would_break(string text, string[] expected)
    {
        Assert.Equal(expected, Tokenizer.Tokenize(text));
    }

    [Fact]
    public void Uppercase_US_is_the_country_and_lowercase_us_is_a_stopword()
    {
        var analyzer = new MentorBot.Core.Faq.TermAnalyzer(MentorBot.Core.Knowledge.Lexicon.Empty);

        Assert.Contains("usa", analyzer.Analyze("jobs in the US"));
        Assert.Equal(["job"], analyzer.Analyze("give us jobs"));
        Assert.Contains("us", Stopwords.All);
    }

    [Theory]
    [InlineData("FE vs BE whats the diff", new[] { "frontend", "vs", "backend", "whats", "the", "diff" })]
    [InlineData("best language for BE?", new[] { "best", "language", "for", "backend" })]
    [InlineData("BE/FE dev", new[] { "backend", "frontend", "dev" })]
    [InlineData("i want to be a dev", new[] { "i", "want", "to", "be", "a", "dev" })]
    [InlineData("HOW DO I BE A BETTER DEV", new[] { "how", "do", "i", "be", "a", "better", "dev" })]
    [InlineData("BEST FE", new[] { "best", "fe" })]
    public void Capitalised_BE_and_FE_are_backend_and_frontend_unless_the_text_is_all_capitals(string text, string[] expected)
    {
        Assert.Equal(expected, Tokenizer.Tokenize(text));
    }

    [Theory]
    [InlineData("wat soft skills do backend devs need", "what soft skills do backend developers need")]
    [InlineData("sal of a dev with 3 yrs exp", "salary of a developer with 3 years experience")]
    public void The_lexical_analysis_reads_chat_shorthand_spelt_out(string shorthand, string spelt)
    {
        var analyzer = new MentorBot.Core.Faq.TermAnalyzer(MentorBot.Core.Knowledge.Lexicon.Empty);

        Assert.Equal(analyzer.Analyze(spelt), analyzer.Analyze(shorthand));
    }

    [Theory]
    [InlineData("backend wale log kitna kamate hai", "backend  people how much earn is")]
    [InlineData("Bina degree ke naukri milegi kya?", "without degree of job get what?")]
    public void A_Hinglish_question_is_glossed_word_by_word(string question, string glossed)
    {
        Assert.Equal(glossed, HinglishGloss.Apply(question));
    }

    [Theory]
    // "me", "main", "log", "par" and "ban" are English words too; one Hindi-looking word is not enough to read them as Hindi.
    [InlineData("tell me the main log format, par for the course")]
    [InlineData("is a ban on my account kya")]
    [InlineData("hai everyone, how long does backend take")]
    public void English_with_fewer_than_two_Hindi_words_is_left_as_it_is(string question)
    {
        Assert.Same(question, HinglishGloss.Apply(question));
    }

    [Fact]
    public void The_model_reads_BE_and_FE_spelt_out()
    {
        Assert.Equal("whats the diff between frontend and backend", SemanticText.For("whats the diff between FE and BE", ["whats", "the", "diff", "between", "frontend", "and", "backend"], new Dictionary<string, string>()).Replace("difference", "diff", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyzer_folds_synonym_phrases_and_stems_word_forms()
    {
        var lexicon = new MentorBot.Core.Knowledge.Lexicon([["cs", "computer science"], ["database", "db"]], []);
        var analyzer = new MentorBot.Core.Faq.TermAnalyzer(lexicon);

        var science = analyzer.Analyze("a computer science degree");
        var abbreviation = analyzer.Analyze("a CS degree");
        Assert.Equal(science, abbreviation);
        Assert.Equal(analyzer.Analyze("databases"), analyzer.Analyze("db"));
        Assert.Equal(analyzer.Analyze("deploying"), analyzer.Analyze("deploy"));
    }
}
