namespace MentorBot.Core.Faq;

/// <summary>
/// Fits <see cref="FaqCalibration"/> on labelled questions: first the lexical weight of the fused ranking (the one
/// that puts the expected entry first most often), then, for each mode, a logistic model of "the top entry is right"
/// from the top entry's signals, and the answer threshold that maximises the in-scope accuracy plus the decline rate.
/// The sets it is fitted on must never be the ones accuracy is reported on.
/// </summary>
public static class FaqCalibrator
{
    private const double SuggestAt = 0.1;
    private const int Iterations = 20000;
    private const double LearningRate = 1.0;
    private const double Ridge = 1e-3;

    public static FaqCalibration Fit(FaqService service, IReadOnlyList<FaqLabelledQuestion> questions, string command, IReadOnlyList<string> fittedOn, string? model, string? fitted)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(questions);
        var measured = questions
            .Select(q => (q.Expected, Measurement: service.Measure(q.Question)))
            .Where(m => m.Measurement.Early is null)
            .ToList();
        var placeholder = FaqCalibration.Default.Semantic;
        var semantic = measured.Count > 0 && measured[0].Measurement.Cosine is not null;

        var lexicalWeight = 0.0;
        if (semantic)
        {
            var best = -1;
            for (var step = 0; step <= 30; step++)
            {
                var weight = step / 10.0;
                var correct = measured.Count(m => m.Expected.Length > 0 && FaqService.Fuse(m.Measurement, weight, placeholder) is [var top, ..] && Matches(top, m.Expected));
                if (correct > best)
                    (best, lexicalWeight) = (correct, weight);
            }
        }

        var lexicalOnly = measured.Select(m => (m.Expected, Measurement: m.Measurement with { Cosine = null })).ToList();
        // The rates are over every question, as faq eval counts them: questions settled before ranking (small talk,
        // an exact phrasing) or by the facet rule take no part in the fit, but they are in-scope or off-topic questions
        // all the same, and leaving them out of the denominators would weigh each remaining decline more than eval does.
        var totals = (InScope: questions.Count(q => q.Expected.Length > 0), OffTopic: questions.Count(q => q.Expected.Length == 0));
        return new FaqCalibration
        {
            Command = command,
            Fitted = fitted,
            Model = model,
            FittedOn = fittedOn,
            LexicalWeight = lexicalWeight,
            Semantic = semantic ? FitModel(measured, lexicalWeight, totals) : FaqCalibration.Default.Semantic,
            Lexical = FitModel(lexicalOnly, 0, totals),
        };
    }

    private static FaqDecisionModel FitModel(List<(string Expected, FaqMeasurement Measurement)> measured, double lexicalWeight, (int InScope, int OffTopic) totals)
    {
        var rows = new List<(double[] X, bool Correct, bool InScope)>();
        foreach (var (expected, measurement) in measured)
        {
            var fused = FaqService.Fuse(measurement, lexicalWeight, FaqCalibration.Default.Semantic);
            if (fused.Count == 0)
            {
                rows.Add((new double[FaqSignals.FeatureNames.Count], false, expected.Length > 0));
                continue;
            }

            // An entry ruled out by its facets is declined by rule, whatever its probability; fitting on it would only
            // teach the model to distrust signals that were right about the topic.
            if (fused[0].OutOfScope is not null)
                continue;
            rows.Add((fused[0].Signals!.Features(), Matches(fused[0], expected), expected.Length > 0));
        }

        var (bias, weights) = Logistic(rows.Select(r => (r.X, r.Correct)).ToList());
        var named = FaqSignals.FeatureNames.Select((n, i) => (n, w: Math.Round(weights[i], 4))).ToDictionary(p => p.n, p => p.w);
        var decision = new FaqDecisionModel(Math.Round(bias, 4), named, 0.5, SuggestAt);
        var scored = rows.Select(r => (Probability(bias, weights, r.X), r.Correct, r.InScope)).ToList();
        var answerAt = BestThreshold(scored, totals.InScope, totals.OffTopic);
        return decision with { AnswerAt = answerAt };
    }

    /// <summary>
    /// The answer threshold (0.05–0.95 by 0.01; the lowest of equals) that maximises the share of in-scope questions
    /// answered right plus the share of off-topic ones declined, each over its total: every question of the sets,
    /// also those settled without the model's probability, as faq eval counts them.
    /// </summary>
    internal static double BestThreshold(IReadOnlyList<(double Probability, bool Correct, bool InScope)> rows, int inScopeTotal, int offTopicTotal)
    {
        var inScope = Math.Max(1, inScopeTotal);
        var offTopic = Math.Max(1, offTopicTotal);
        var bestScore = double.MinValue;
        var answerAt = 0.5;
        for (var step = 5; step <= 95; step++)
        {
            var threshold = step / 100.0;
            var answeredRight = rows.Count(r => r.InScope && r.Correct && r.Probability >= threshold);
            var declined = rows.Count(r => !r.InScope && r.Probability < threshold);
            var score = ((double)answeredRight / inScope) + ((double)declined / offTopic);
            if (score > bestScore + 1e-9)
                (bestScore, answerAt) = (score, threshold);
        }

        return answerAt;
    }

    private static bool Matches(FaqRankedEntry top, string expected) =>
        expected.Length > 0 && expected.Split('|').Contains(top.Entry.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Plain batch gradient descent with a small ridge penalty; the signals are all of order one.</summary>
    private static (double Bias, double[] Weights) Logistic(List<(double[] X, bool Y)> rows)
    {
        var features = FaqSignals.FeatureNames.Count;
        var weights = new double[features];
        var bias = 0.0;
        if (rows.Count == 0)
            return (bias, weights);
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var gradient = new double[features];
            var gradientBias = 0.0;
            foreach (var (x, y) in rows)
            {
                var error = Probability(bias, weights, x) - (y ? 1 : 0);
                gradientBias += error;
                for (var f = 0; f < features; f++)
                    gradient[f] += error * x[f];
            }

            bias -= LearningRate * gradientBias / rows.Count;
            for (var f = 0; f < features; f++)
                weights[f] -= LearningRate * ((gradient[f] / rows.Count) + (Ridge * weights[f]));
        }

        return (bias, weights);
    }

    private static double Probability(double bias, double[] weights, double[] x)
    {
        var z = bias;
        for (var f = 0; f < x.Length; f++)
            z += weights[f] * x[f];
        return 1 / (1 + Math.Exp(-z));
    }
}

/// <summary>A question with the entry id it should get (several joined by <c>|</c>), or empty when it should be declined.</summary>
public sealed record FaqLabelledQuestion(string Question, string Expected)
{
    /// <summary>Reads <c>question&lt;TAB&gt;expected</c> lines, skipping a header; <c>none</c> becomes empty.</summary>
    public static IEnumerable<FaqLabelledQuestion> ReadTsv(IEnumerable<string> lines)
    {
        var first = true;
        foreach (var line in lines)
        {
            var columns = line.Split('\t');
            var header = first && columns[0].Trim().Equals("question", StringComparison.OrdinalIgnoreCase);
            first = false;
            if (header || columns.Length < 2 || string.IsNullOrWhiteSpace(columns[0]))
                continue;
            var expected = columns[1].Trim();
            yield return new FaqLabelledQuestion(columns[0].Trim(), expected.Equals("none", StringComparison.OrdinalIgnoreCase) ? "" : expected);
        }
    }
}
