using System.Text;

namespace MentorBot.Core.Faq;

/// <summary>
/// Recent answers by normalised question, so a question asked again (the same FAQ in a busy server, a retried
/// interaction) skips both rankers and the model. Two generations bound it: when the newer one fills up, the older is
/// dropped and the newer takes its place, and a hit in the older moves back into the newer. Each knowledge snapshot
/// has its own cache, so a reload never serves an answer from the old knowledge.
/// </summary>
internal sealed class AnswerCache(int capacity)
{
    private readonly Lock _lock = new();
    private Dictionary<string, FaqResult> _young = new(StringComparer.Ordinal);
    private Dictionary<string, FaqResult> _old = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_lock)
                return _young.Count + _old.Count;
        }
    }

    public bool TryGet(string key, out FaqResult result)
    {
        lock (_lock)
        {
            if (_young.TryGetValue(key, out result!))
                return true;
            if (!_old.Remove(key, out result!))
                return false;
            AddLocked(key, result);
            return true;
        }
    }

    public void Add(string key, FaqResult result)
    {
        lock (_lock)
            AddLocked(key, result);
    }

    /// <summary>
    /// Spacing only: case is kept, because the tokenizer reads "US" and "Go" differently from "us" and "go".
    /// </summary>
    public static string Normalise(string question)
    {
        // Most questions are already spaced this way; they come back as they are instead of as a copy (each question is
        // normalised on the answer's path and again by the question log's writer).
        if (IsNormalised(question))
            return question;
        var text = new StringBuilder(question.Length);
        foreach (var c in question.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] != ' ')
                    text.Append(' ');
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool IsNormalised(string question)
    {
        if (question.Length == 0)
            return true;
        if (char.IsWhiteSpace(question[0]) || char.IsWhiteSpace(question[^1]))
            return false;
        for (var i = 1; i < question.Length; i++)
        {
            var c = question[i];
            if (c == ' ' ? question[i - 1] == ' ' : char.IsWhiteSpace(c))
                return false;
        }
        return true;
    }

    private void AddLocked(string key, FaqResult result)
    {
        if (_young.Count >= Math.Max(1, capacity / 2))
        {
            _old = _young;
            _young = new Dictionary<string, FaqResult>(StringComparer.Ordinal);
        }

        _young[key] = result;
    }
}
