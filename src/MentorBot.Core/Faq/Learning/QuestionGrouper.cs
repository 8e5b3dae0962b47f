using MentorBot.Core.Faq.Semantic;
using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Faq.Learning;

/// <summary>
/// Groups near-duplicate questions by the FAQ engine's own similarity: the embedding model's cosine when the model
/// is loaded, otherwise the lexical engine's IDF-weighted term cosine (see <see cref="LearningView"/>), so a group is
/// what the engine itself cannot tell apart. Questions are taken most asked first; each joins the group whose
/// representative it is most similar to, if at least the threshold, or starts a new group. Every member is therefore
/// close to the representative a moderator reads, and the result depends only on the input and the knowledge.
/// </summary>
public sealed class QuestionGrouper(FaqService faq, QuestionGroupingOptions? options = null)
{
    private readonly QuestionGroupingOptions _options = options ?? new QuestionGroupingOptions();

    /// <summary>
    /// Groups <paramref name="questions"/>. Blank texts are skipped, counts below 1 count as 1, and texts that are the
    /// same question for <c>knowledge check</c> (case, punctuation, spacing) are merged into one member, written as
    /// the most asked spelling.
    /// </summary>
    public QuestionGrouping Group(IEnumerable<AskedQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var view = faq.ForLearning();
        var threshold = view.Semantic ? _options.SemanticThreshold : _options.LexicalThreshold;
        var distinct = Merge(questions);

        var profiles = new QuestionProfile[distinct.Count];
        Parallel.For(0, distinct.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => profiles[i] = view.Profile(distinct[i].Text));
        var vectors = view.Semantic ? null : LexicalVectors.Of(profiles);

        double Similarity(int a, int b) => vectors is null ? SemanticIndex.Dot(profiles[a].Embedding!, profiles[b].Embedding!) : vectors.Dot(a, b);

        var leaders = new List<int>();
        var members = new List<List<(int Question, double Similarity)>>();
        for (var q = 0; q < distinct.Count; q++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var best = -1;
            var bestSimilarity = double.NegativeInfinity;
            for (var g = 0; g < leaders.Count; g++)
            {
                var similarity = Similarity(leaders[g], q);
                if (similarity > bestSimilarity)
                    (best, bestSimilarity) = (g, similarity);
            }

            if (best >= 0 && bestSimilarity >= threshold)
            {
                members[best].Add((q, bestSimilarity));
            }
            else
            {
                leaders.Add(q);
                members.Add([(q, 1)]);
            }
        }

        var groups = members
            .Select(m => ToGroup(m, distinct, profiles))
            .OrderByDescending(g => g.TotalCount)
            .ThenBy(g => g.Representative, StringComparer.Ordinal)
            .ToArray();
        return new QuestionGrouping(groups, view.Semantic ? "semantic" : "lexical", view.ModelId, threshold);
    }

    /// <summary>Distinct questions, most asked first and then in ordinal order of their text.</summary>
    private static List<DistinctQuestion> Merge(IEnumerable<AskedQuestion> questions)
    {
        var byKey = new Dictionary<string, List<AskedQuestion>>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            if (question is null || string.IsNullOrWhiteSpace(question.Text))
                continue;
            var key = KnowledgeLoader.Normalize(question.Text);
            if (key.Length == 0)
                key = question.Text.Trim();
            if (!byKey.TryGetValue(key, out var list))
                byKey[key] = list = [];
            list.Add(question with { Text = question.Text.Trim(), Count = Math.Max(1, question.Count) });
        }

        return byKey.Values
            .Select(list =>
            {
                var spelling = list
                    .GroupBy(q => q.Text, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Sum(q => q.Count))
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .First().Key;
                return new DistinctQuestion(spelling, list.Sum(q => q.Count), list);
            })
            .OrderByDescending(d => d.Count)
            .ThenBy(d => d.Text, StringComparer.Ordinal)
            .ToList();
    }

    private static QuestionGroup ToGroup(List<(int Question, double Similarity)> members, List<DistinctQuestion> distinct, QuestionProfile[] profiles)
    {
        var grouped = members
            .Select(m => new GroupedQuestion(distinct[m.Question].Text, distinct[m.Question].Count, Math.Round(m.Similarity, 3))
            {
                TopEntry = profiles[m.Question].TopEntry,
            })
            .ToArray();

        // The entry first for the most asks wins; its score is its mean probability over those asks.
        var suggestion = grouped
            .Where(m => m.TopEntry is not null)
            .GroupBy(m => m.TopEntry!.EntryId, StringComparer.Ordinal)
            .Select(g => (Entry: g.First().TopEntry!, Asks: g.Sum(m => m.Count), Sum: g.Sum(m => m.Count * m.TopEntry!.Score)))
            .OrderByDescending(s => s.Asks)
            .ThenByDescending(s => s.Sum)
            .ThenBy(s => s.Entry.EntryId, StringComparer.Ordinal)
            .Select(s => s.Entry with { Score = Math.Round(s.Sum / s.Asks, 3) })
            .FirstOrDefault();

        var feedback = members
            .SelectMany(m => distinct[m.Question].Records)
            .Where(r => !string.IsNullOrEmpty(r.EntryId))
            .GroupBy(r => r.EntryId!, StringComparer.Ordinal)
            .Select(g => new EntryFeedback(g.Key, g.Sum(r => Math.Max(0, r.Helpful)), g.Sum(r => Math.Max(0, r.NotHelpful))))
            .Where(f => f.Helpful + f.NotHelpful > 0)
            .OrderBy(f => f.EntryId, StringComparer.Ordinal)
            .ToArray();

        return new QuestionGroup(grouped[0].Text, grouped, grouped.Sum(m => m.Count), suggestion, feedback);
    }

    private sealed record DistinctQuestion(string Text, int Count, List<AskedQuestion> Records);

    /// <summary>Term vectors as sorted (term number, weight) arrays, so a dot product is one merge of two short lists.</summary>
    private sealed class LexicalVectors
    {
        private readonly (int Term, double Weight)[][] _vectors;

        private LexicalVectors((int, double)[][] vectors) => _vectors = vectors;

        public static LexicalVectors Of(QuestionProfile[] profiles)
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var vectors = profiles
                .Select(p => p.Terms
                    .Select(t => (Term: numbers.TryGetValue(t.Term, out var n) ? n : numbers[t.Term] = numbers.Count, t.Weight))
                    .OrderBy(t => t.Term)
                    .ToArray())
                .ToArray();
            return new LexicalVectors(vectors);
        }

        public double Dot(int a, int b)
        {
            var x = _vectors[a];
            var y = _vectors[b];
            var sum = 0.0;
            for (int i = 0, j = 0; i < x.Length && j < y.Length;)
            {
                if (x[i].Term == y[j].Term)
                    sum += x[i++].Weight * y[j++].Weight;
                else if (x[i].Term < y[j].Term)
                    i++;
                else
                    j++;
            }

            return sum;
        }
    }
}
