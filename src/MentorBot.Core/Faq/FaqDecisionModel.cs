namespace MentorBot.Core.Faq;

/// <summary>
/// A logistic model of "the top entry is the right answer": the probability is the confidence the bot reports. At
/// <see cref="AnswerAt"/> or above the bot answers; below it, entries at <see cref="SuggestAt"/> or above are offered
/// as "Did you mean…".
/// </summary>
public sealed record FaqDecisionModel(double Bias, IReadOnlyDictionary<string, double> Weights, double AnswerAt, double SuggestAt)
{
    public double Probability(FaqSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var features = signals.Features();
        var z = Bias;
        for (var i = 0; i < features.Length; i++)
            z += Weights.GetValueOrDefault(FaqSignals.FeatureNames[i]) * features[i];
        return 1 / (1 + Math.Exp(-z));
    }
}
