namespace MentorBot.Core.Faq;

/// <summary>
/// Corrects a misspelt word to the closest word the knowledge base uses, with the symmetric-delete method of
/// SymSpell: every word's deletions are indexed once, so a lookup costs a few hash probes, not a scan.
/// One edit is allowed for words of 4 to 7 letters, two from 8, and the first letter must match, since people
/// rarely mistype it and it keeps unrelated short words ("nurse", "purse") apart.
/// </summary>
internal sealed class SpellingCorrector
{
    private readonly Dictionary<string, int> _frequency;
    private readonly Dictionary<string, List<string>> _deletes = new(StringComparer.Ordinal);

    public SpellingCorrector(Dictionary<string, int> frequency)
    {
        _frequency = frequency;
        foreach (var word in frequency.Keys)
        {
            if (word.Length < 4 || !char.IsLetter(word[0]))
                continue;
            foreach (var variant in Deletions(word, MaxDistance(word.Length)))
            {
                if (!_deletes.TryGetValue(variant, out var words))
                    _deletes[variant] = words = [];
                words.Add(word);
            }
        }
    }

    public bool IsKnown(string word) => _frequency.ContainsKey(word);

    public string? Correct(string word)
    {
        if (word.Length < 4 || !char.IsLetter(word[0]))
            return null;
        var maxDistance = MaxDistance(word.Length);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        foreach (var variant in Deletions(word, maxDistance))
        {
            if (!_deletes.TryGetValue(variant, out var candidates))
                continue;
            foreach (var candidate in candidates)
            {
                if (candidate[0] != word[0] || Math.Abs(candidate.Length - word.Length) > maxDistance)
                    continue;
                var distance = EditDistance(word, candidate);
                if (distance > Math.Min(maxDistance, MaxDistance(candidate.Length)))
                    continue;
                var frequency = _frequency[candidate];
                if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
                    (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
            }
        }

        return best;
    }

    private static int MaxDistance(int length) => length >= 8 ? 2 : 1;

    private static HashSet<string> Deletions(string word, int distance)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var d = 0; d < distance; d++)
        {
            var next = new List<string>();
            foreach (var item in frontier)
            {
                for (var i = 0; i < item.Length; i++)
                {
                    var shorter = item.Remove(i, 1);
                    if (result.Add(shorter))
                        next.Add(shorter);
                }
            }

            frontier = next;
        }

        return result;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
