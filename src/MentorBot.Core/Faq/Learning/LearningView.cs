using MentorBot.Core.Faq.Semantic;

namespace MentorBot.Core.Faq.Learning;

/// <summary>
/// One knowledge snapshot as the learning loop sees it. A question's vector is what the engine itself compares:
/// with the model, the embedding of the text the model reads for a question (<see cref="SemanticText"/>); without
/// it, the question's analysed terms (stems, synonyms, corrected typos) weighted as <see cref="FaqIndex.Search"/>
/// weighs them, normalised so that a dot product is the IDF-weighted cosine the index uses between a question and a
/// phrasing.
/// </summary>
internal sealed class LearningView(FaqIndex lexical, SemanticIndex? semantic, Func<string, (FaqMeasurement Measurement, FaqRanking Ranking)> rank)
{
    public bool Semantic => semantic is not null;

    public string? ModelId => semantic?.Embedder.ModelId;

    public QuestionProfile Profile(string question)
    {
        var (measurement, ranking) = rank(question);
        var top = ranking.Fused.Count > 0
            ? new SuggestedEntry(ranking.Fused[0].Entry.Id, ranking.Fused[0].Entry.Title, ranking.Fused[0].Probability ?? ranking.Fused[0].Score)
            : ranking.Result.Entry is { } answered ? new SuggestedEntry(answered.Id, answered.Title, ranking.Result.Confidence) : null;

        // A question settled before ranking (an exact phrasing, small talk) was not analysed; do it here, reading it as
        // the engine reads questions (Hinglish glossed).
        var early = measurement.Early is not null;
        if (semantic is not null)
        {
            var embedding = measurement.Embedding ?? EmbedSettled(semantic, HinglishGloss.Apply(question));
            return new QuestionProfile(top, embedding, []);
        }

        IReadOnlyList<string> terms = measurement.Terms;
        var jargon = measurement.Jargon;
        if (early)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            terms = lexical.Analyzer.AnalyzeQuery(Tokenizer.Tokenize(HinglishGloss.Apply(question)), found);
            jargon = found;
        }

        var weights = terms.Distinct(StringComparer.Ordinal).Select(t => (Term: t, Weight: lexical.TermWeight(t, jargon))).ToArray();
        var norm = Math.Sqrt(weights.Sum(w => w.Weight * w.Weight));
        return new QuestionProfile(top, null, norm == 0 ? [] : [.. weights.Select(w => (w.Term, w.Weight / norm))]);
    }

    private static float[] EmbedSettled(SemanticIndex semantic, string read) =>
        semantic.Embedder.Embed(SemanticText.For(read, Tokenizer.Tokenize(read), new Dictionary<string, string>()));
}

/// <summary>What the grouper needs of one question: the engine's first candidate and the vector it is compared by.</summary>
internal sealed record QuestionProfile(SuggestedEntry? TopEntry, float[]? Embedding, IReadOnlyList<(string Term, double Weight)> Terms);
