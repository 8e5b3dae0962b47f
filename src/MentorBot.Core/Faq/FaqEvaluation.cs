namespace MentorBot.Core.Faq;

/// <summary>
/// Scores the engine on a TSV of <c>question&lt;TAB&gt;expected</c> lines, where expected is an entry id, several ids
/// joined by <c>|</c>, or <c>none</c> for questions it should decline. A header line starting <c>question</c> is skipped.
/// </summary>
public static class FaqEvaluation
{
    public static FaqEvaluationReport Run(IFaqService faq, IEnumerable<string> lines)
    {
        int inScope = 0, correct = 0, rankedFirst = 0, offTopic = 0, declined = 0, lineNumber = 0;
        var misses = new List<FaqEvaluationMiss>();
        foreach (var line in lines)
        {
            lineNumber++;
            var columns = line.Split('\t');
            if (columns.Length < 2 || string.IsNullOrWhiteSpace(columns[0]))
                continue;
            if (lineNumber == 1 && columns[0].Trim().Equals("question", StringComparison.OrdinalIgnoreCase))
                continue;

            var question = columns[0].Trim();
            var expected = columns[1].Trim();
            var result = faq.Ask(question);
            var got = result.Entry?.Id;
            if (expected.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                offTopic++;
                if (got is null)
                    declined++;
                else
                    misses.Add(new(lineNumber, question, expected, got, result.Confidence));
                continue;
            }

            inScope++;
            var ids = expected.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var first = got ?? (result.Suggestions.Count > 0 ? result.Suggestions[0].Id : null);
            if (first is not null && ids.Contains(first, StringComparer.OrdinalIgnoreCase))
                rankedFirst++;
            if (got is not null && ids.Contains(got, StringComparer.OrdinalIgnoreCase))
                correct++;
            else
                misses.Add(new(lineNumber, question, expected, got, result.Confidence));
        }

        return new FaqEvaluationReport(inScope, correct, offTopic, declined, misses) { InScopeRankedFirst = rankedFirst };
    }
}
