using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Tests.Faq.Semantic;

namespace MentorBot.Core.Tests.Faq;

public sealed class FaqCalibratorTests
{
    private static readonly FaqEntry Salary = new(
        "salary", "What do developers earn?", ["What is the salary of a developer?"], ["salary"], ["guide"], [], "Depends.", "faq/salary.md");

    private static readonly FaqEntry Orchestration = new(
        "orchestration", "How do I run containers in a cluster?", ["what does kubernetes do"], ["kubernetes"], ["guide"], [], "It schedules.", "faq/o.md");

    private static readonly string[][] Concepts = [["earn", "salary", "paycheck", "income"], ["kubernetes", "cluster", "containers", "orchestrate"]];

    private static FaqService Engine() =>
        new(new StaticKnowledgeProvider(new KnowledgeBase([Salary, Orchestration], [], Lexicon.Empty)), new FakeEmbedder(Concepts));

    private static readonly FaqLabelledQuestion[] Questions =
    [
        new("how big is a typical paycheck", "salary"),
        new("income of developers", "salary"),
        new("what will I earn", "salary"),
        new("orchestrate my containers", "orchestration"),
        new("cluster of machines for containers", "orchestration"),
        new("kubernetes worth it", "orchestration"),
        new("best pizza in naples", ""),
        new("how to tie a tie", ""),
        new("weather on monday", ""),
        new("a good movie tonight", ""),
    ];

    [Fact]
    public void The_fitted_model_answers_the_in_scope_questions_and_declines_the_rest()
    {
        var calibration = FaqCalibrator.Fit(Engine(), Questions, "test", ["inline (10 questions)"], "fake", "2026-12-02");
        var fitted = new FaqService(
            new StaticKnowledgeProvider(new KnowledgeBase([Salary, Orchestration], [], Lexicon.Empty) { Calibration = calibration }),
            new FakeEmbedder(Concepts));

        foreach (var question in Questions)
            Assert.Equal(question.Expected.Length == 0 ? null : question.Expected, fitted.Ask(question.Question).Entry?.Id);
        Assert.True(calibration.Semantic.Weights["cosine"] > 0, "a closer meaning must raise the probability");
        Assert.InRange(calibration.Semantic.AnswerAt, 0.05, 0.95);
    }

    [Fact]
    public void The_fitted_threshold_is_the_one_faq_eval_scores_best_counting_every_question()
    {
        // The calibrator replicates faq eval's decision to pick its threshold; this holds it to eval's own count, with
        // questions settled before ranking (exact phrasings, small talk) among them.
        string[] exact = ["What do developers earn?", "What is the salary of a developer?", "what does kubernetes do", "How do I run containers in a cluster?"];
        FaqLabelledQuestion[] questions =
        [
            .. Questions,
            .. Enumerable.Range(0, 6).SelectMany(_ => exact).Select((q, i) => new FaqLabelledQuestion(q + new string(' ', i / exact.Length), q.Contains("earn", StringComparison.Ordinal) || q.Contains("salary", StringComparison.Ordinal) ? "salary" : "orchestration")),
            new("paycheck for developers in kubernetes teams", "salary"),
            new("income from running containers", "orchestration"),
            new("do developers earn more with a cluster", "salary"),
            new("salary of a pizza chef", ""),
            new("containers for shipping furniture", ""),
            new("earn money with a food truck", ""),
            new("cluster headache remedies", ""),
        ];
        var lines = questions.Select(q => $"{q.Question}\t{(q.Expected.Length == 0 ? "none" : q.Expected)}").ToArray();

        var calibration = FaqCalibrator.Fit(Engine(), questions, "test", ["inline"], "fake", "2026-12-03");

        double Score(double answerAt)
        {
            var knowledge = new KnowledgeBase([Salary, Orchestration], [], Lexicon.Empty) { Calibration = calibration with { Semantic = calibration.Semantic with { AnswerAt = answerAt } } };
            var report = FaqEvaluation.Run(new FaqService(new StaticKnowledgeProvider(knowledge), new FakeEmbedder(Concepts)), lines);
            return report.InScopeAccuracy + report.DeclineRate;
        }

        var best = Enumerable.Range(5, 91).Max(step => Score(step / 100.0));
        Assert.Equal(best, Score(calibration.Semantic.AnswerAt), 9);
    }

    [Theory]
    // One in-scope question the model is unsure of (0.5, right) against one off-topic question it likes (0.6): answer
    // both or decline both. Which is worth more depends on how many questions each rate is over, settled ones included.
    [InlineData(10, 1, 0.61)]
    [InlineData(1, 10, 0.05)]
    public void The_threshold_weighs_each_rate_over_every_question_of_its_kind(int inScopeTotal, int offTopicTotal, double expected)
    {
        (double, bool, bool)[] rows = [(0.5, true, true), (0.6, false, false)];

        Assert.Equal(expected, FaqCalibrator.BestThreshold(rows, inScopeTotal, offTopicTotal), 9);
    }

    [Fact]
    public void The_calibration_round_trips_through_its_file_format()
    {
        var calibration = FaqCalibrator.Fit(Engine(), Questions, "the command", ["a.tsv (10 questions)"], "fake", "2026-12-02");

        var read = FaqCalibration.Parse(calibration.ToJson());

        Assert.Equal(calibration.LexicalWeight, read.LexicalWeight);
        Assert.Equal(calibration.Semantic.AnswerAt, read.Semantic.AnswerAt);
        Assert.Equal(calibration.Semantic.Weights["cosine"], read.Semantic.Weights["cosine"]);
        Assert.Equal("the command", read.Command);
        Assert.Equal(["a.tsv (10 questions)"], read.FittedOn);
    }

    [Fact]
    public void Labelled_sets_skip_the_header_and_read_none_as_a_decline()
    {
        var rows = FaqLabelledQuestion.ReadTsv(["question\texpected", "do I need a degree\tdegree-required", "best pizza\tnone", "\tnone"]).ToList();

        Assert.Equal([new FaqLabelledQuestion("do I need a degree", "degree-required"), new FaqLabelledQuestion("best pizza", "")], rows);
    }

    [Fact]
    public void A_malformed_calibration_file_is_a_knowledge_problem_not_a_crash()
    {
        var root = Directory.CreateTempSubdirectory("mentorbot-calibration-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "faq"));
            File.WriteAllText(Path.Combine(root, "faq", "salary.md"), "---\nid: salary\ntitle: What do developers earn?\nsources: [guide]\n---\nIt depends.\n");
            File.WriteAllText(Path.Combine(root, FaqCalibration.FileName), "{ \"semantic\": 3");

            var result = KnowledgeLoader.Load(root);

            Assert.False(result.IsValid);
            Assert.Contains(result.Problems, p => p.ToString().Contains("calibration", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
