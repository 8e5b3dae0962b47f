using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Faq.Semantic;

/// <summary>
/// Fusion and the calibrated decision behind the embedder seam, with a fake model whose notion of meaning the test
/// controls: "earn" and "salary" and "paycheck" mean the same; "kubernetes" and "orchestrate" mean the same.
/// </summary>
public sealed class HybridFaqTests
{
    private static readonly FaqEntry Orchestration = new(
        "orchestration", "How do I run containers in a cluster?",
        ["Should I learn kubernetes?", "what does kubernetes do"],
        ["kubernetes"], ["guide"], [], "Kubernetes schedules containers across machines.", "faq/orchestration.md");

    private static readonly FaqEntry Salary = new(
        "salary", "What do developers earn?",
        ["What is the salary of a developer?", "starting salary"],
        ["salary"], ["guide"], [], "It depends on the country and the level.", "faq/salary.md");

    private static readonly FaqEntry Degree = new(
        "degree", "Do I need a degree?",
        ["Is a degree required?"],
        ["degree"], ["guide"], [], "No.", "faq/degree.md");

    private static readonly string[][] Concepts =
    [
        ["earn", "salary", "paycheck", "pay", "income"],
        ["kubernetes", "orchestrate", "cluster", "containers"],
        ["degree", "university", "diploma"],
    ];

    // A decision that answers on a cosine of about 0.7 or more, the shape faq calibrate fits.
    private static readonly FaqCalibration Calibration = new()
    {
        LexicalWeight = 0.3,
        Semantic = new FaqDecisionModel(-7, new Dictionary<string, double> { ["cosine"] = 10 }, AnswerAt: 0.5, SuggestAt: 0.1),
        Lexical = FaqCalibration.Default.Lexical,
    };

    private static KnowledgeBase Knowledge(FaqCalibration? calibration = null) =>
        new([Orchestration, Salary, Degree], [], Lexicon.Empty) { Calibration = calibration ?? Calibration };

    private static FaqService Engine(FakeEmbedder embedder, KnowledgeBase? knowledge = null, MemoryEmbeddingCache? cache = null) =>
        new(new StaticKnowledgeProvider(knowledge ?? Knowledge()), embedder, cache);

    [Fact]
    public void A_paraphrase_sharing_no_word_with_the_entry_is_answered_through_the_model()
    {
        var lexicalOnly = new FaqService(new StaticKnowledgeProvider(Knowledge())).Ask("how big is the typical paycheck");
        var hybrid = Engine(new FakeEmbedder(Concepts)).Ask("how big is the typical paycheck");

        Assert.Null(lexicalOnly.Entry);
        Assert.Equal("salary", hybrid.Entry?.Id);
        Assert.InRange(hybrid.Confidence, 0.5, 1);
    }

    [Fact]
    public void The_model_reads_misspelt_words_and_chat_shorthand_as_the_words_they_stand_for()
    {
        var embedder = new FakeEmbedder(Concepts);

        var result = Engine(embedder).Ask("wat does kubernets do for u");

        // "kubernets" is one edit from the knowledge base's "kubernetes"; the fake model knows only the right spelling.
        Assert.Equal("what does kubernetes do for you", embedder.Texts.Last());
        Assert.Equal("orchestration", result.Entry?.Id);
    }

    [Fact]
    public void In_a_chat_message_the_question_sentence_is_matched_on_its_own_as_well()
    {
        const string message = "My team runs kubernetes at work. What is the typical paycheck?";
        var embedder = new FakeEmbedder(Concepts);

        var result = Engine(embedder).Ask(message);

        // The context outweighs the question in the whole message's embedding; its question sentence alone is about pay.
        Assert.Contains("What is the typical paycheck?", embedder.Texts);
        Assert.Equal("salary", result.Entry?.Id);
        Assert.Equal(["What is the typical paycheck?"], Engine(embedder).Explain(message).Focus);
    }

    [Fact]
    public void A_question_closer_to_an_off_topic_example_than_to_any_entry_is_declined()
    {
        string[][] concepts = [.. Concepts, ["nurse", "nurses", "nursing", "hospital"]];
        var calibration = Calibration with
        {
            Semantic = new FaqDecisionModel(-6, new Dictionary<string, double> { ["cosine"] = 10, ["offTopicMargin"] = -10 }, AnswerAt: 0.5, SuggestAt: 0.1),
        };
        const string question = "what is the paycheck of a nurse";

        var without = Engine(new FakeEmbedder(concepts), Knowledge(calibration)).Explain(question);
        var with = Engine(new FakeEmbedder(concepts), Knowledge(calibration) with { OffTopicExamples = ["how much do nurses earn", "how do I centre a div"] }).Explain(question);

        // The salary entry is the closest entry either way; only the off-topic example says whose salary it is.
        Assert.Equal("salary", without.Result.Entry?.Id);
        Assert.Equal("salary", with.Fused[0].Entry.Id);
        Assert.Null(with.Result.Entry);
        Assert.Equal("how much do nurses earn", with.ClosestOffTopic?.Example);
        Assert.True(with.Fused[0].Signals!.OffTopicMargin > 0.2, $"margin {with.Fused[0].Signals!.OffTopicMargin:0.000}");
        Assert.Equal(0, without.Fused[0].Signals!.OffTopicMargin);
        Assert.Equal(["salary"], with.Result.Suggestions.Select(e => e.Id));
    }

    [Fact]
    public void A_one_sentence_question_is_embedded_once()
    {
        var embedder = new FakeEmbedder(Concepts);
        var engine = Engine(embedder);
        engine.Warm();
        var before = embedder.Calls;

        engine.Ask("I want to know what a typical paycheck is, thanks");

        Assert.Equal(before + 1, embedder.Calls);
    }

    [Fact]
    public void A_question_spelt_right_reaches_the_model_as_written()
    {
        var embedder = new FakeEmbedder(Concepts);

        Engine(embedder).Ask("How big is the typical paycheck?");

        Assert.Equal("How big is the typical paycheck?", embedder.Texts.Last());
    }

    [Fact]
    public void The_decision_is_the_calibrated_probability_of_the_top_entry()
    {
        var faq = Engine(new FakeEmbedder(Concepts));

        var ranking = faq.Explain("orchestrate kubernetes");

        var top = ranking.Fused[0];
        Assert.Equal("orchestration", top.Entry.Id);
        Assert.Equal(Math.Round(Calibration.Semantic.Probability(top.Signals!), 3), top.Probability);
        Assert.Equal(top.Probability, ranking.Result.Confidence);
        Assert.True(top.Signals!.Cosine > ranking.Fused[1].Signals!.Cosine);
        Assert.True(top.Signals.CosineMargin > 0);
    }

    [Fact]
    public void Below_the_answer_threshold_plausible_entries_are_offered_as_suggestions()
    {
        // The same model, but answering only when nearly certain: the right entry must still be suggested.
        var strict = Calibration with { Semantic = Calibration.Semantic with { AnswerAt = 0.999 } };
        var faq = Engine(new FakeEmbedder(Concepts), Knowledge(strict));

        var result = faq.Ask("how big is the typical paycheck");

        Assert.Null(result.Entry);
        Assert.Equal("salary", result.Suggestions[0].Id);
        Assert.DoesNotContain(result.Suggestions, s => s.Id == "orchestration");
    }

    [Fact]
    public void An_unrelated_question_is_declined_without_suggestions()
    {
        var result = Engine(new FakeEmbedder(Concepts)).Ask("best pizza topping tonight");

        Assert.Null(result.Entry);
        Assert.Empty(result.Suggestions);
    }

    [Fact]
    public void Phrasings_are_embedded_once_and_then_served_from_the_cache()
    {
        var cache = new MemoryEmbeddingCache();
        var first = new FakeEmbedder(Concepts);
        Engine(first, cache: cache).Warm();
        var phrasings = first.Calls;

        var second = new FakeEmbedder(Concepts);
        Engine(second, cache: cache).Warm();

        Assert.Equal(8, phrasings); // three titles and five alternate questions
        Assert.Equal(8, cache.Count);
        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public void A_repeated_question_is_answered_from_the_answer_cache_without_the_model()
    {
        var embedder = new FakeEmbedder(Concepts);
        var faq = Engine(embedder);
        faq.Warm();

        var first = faq.Ask("how big is the typical paycheck");
        var calls = embedder.Calls;
        var again = faq.Ask("  how big is   the typical paycheck ");

        Assert.Same(first, again);
        Assert.Equal(calls, embedder.Calls);
    }

    [Fact]
    public void A_new_snapshot_rebuilds_the_index_and_never_serves_an_old_answer()
    {
        var provider = new MutableKnowledge(Knowledge());
        var faq = new FaqService(provider, new FakeEmbedder(Concepts));
        Assert.Equal("salary", faq.Ask("how big is the typical paycheck").Entry?.Id);

        provider.Current = new KnowledgeBase([Orchestration, Degree], [], Lexicon.Empty) { Calibration = Calibration };

        Assert.NotEqual("salary", faq.Ask("how big is the typical paycheck").Entry?.Id);
    }

    private sealed class MutableKnowledge(KnowledgeBase knowledge) : IKnowledgeProvider
    {
        public KnowledgeBase Current { get; set; } = knowledge;
    }
}
