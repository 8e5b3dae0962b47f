using System.Text;
using System.Text.RegularExpressions;
using MentorBot.Core.Knowledge.Loading;

namespace MentorBot.Core.Knowledge.Learning;

/// <summary>
/// Turns a moderator's decision on a group of questions into an exact change to the knowledge folder: a question
/// added to an entry's alternate questions (the rest of the file kept byte for byte), or a new draft entry
/// (<see cref="KnowledgeDrafts"/>). It reads the folder and changes nothing; <see cref="KnowledgeWriter"/> writes.
/// Anything it cannot do safely is refused with a message saying why.
/// </summary>
/// <param name="knowledgeRoot">The knowledge folder (<c>Knowledge:Path</c>).</param>
/// <param name="diffRoot">The knowledge folder's path from the repository root, for the diff's file names.</param>
public sealed partial class KnowledgePatcher(string knowledgeRoot, string diffRoot = "knowledge")
{
    private const int MaxIdWords = 6;
    private const int MaxIdLength = 60;

    public string KnowledgeRoot { get; } = knowledgeRoot;

    /// <summary>
    /// Adds <paramref name="question"/> (spacing collapsed to single spaces) as the last alternate question of entry
    /// <paramref name="entryId"/>, or, with <paramref name="replacing"/>, in the place of that alternate question of the
    /// entry (one line out, one in: the way to teach an entry that already has the most phrasings knowledge check
    /// allows). Refused when the question is empty or too long, when it is already a phrasing of any entry in the form
    /// <c>knowledge check</c> compares, when the entry is missing, when <paramref name="replacing"/> is not one of its
    /// questions, or when the folder has problems now. When the entry is full and nothing is to be replaced, the
    /// refusal lists the questions one of which can be (<see cref="KnowledgeChangeResult.Replaceable"/>).
    /// </summary>
    public KnowledgeChangeResult AddAlternateQuestion(string entryId, string question, string? replacing = null)
    {
        var text = OneLine(question);
        if (text.Length == 0)
            return KnowledgeChangeResult.Refused("The question is empty.");
        if (text.Length > KnowledgeLimits.Question)
            return KnowledgeChangeResult.Refused($"The question is {text.Length} characters; alternate questions are at most {KnowledgeLimits.Question}.");
        if (string.IsNullOrEmpty(entryId) || !IdPattern().IsMatch(entryId))
            return KnowledgeChangeResult.Refused($"There is no FAQ entry '{entryId}'.");
        if (ReadValidFolder(out var entries) is { } problem)
            return KnowledgeChangeResult.Refused(problem);
        var target = entries.Find(d => d.Entry.Id == entryId);
        if (target is null)
            return KnowledgeChangeResult.Refused($"There is no FAQ entry '{entryId}'.");
        if (Duplicate(text, entries) is { } duplicate)
            return KnowledgeChangeResult.Refused(duplicate);
        var existing = target.Questions.Select(q => q.Value).ToList();
        var replaced = -1;
        if (!string.IsNullOrWhiteSpace(replacing))
        {
            replaced = existing.IndexOf(OneLine(replacing));
            if (replaced < 0)
                return KnowledgeChangeResult.Refused($"\"{OneLine(replacing)}\" is not an alternate question of {entryId}; nothing was replaced.");
        }
        else if (existing.Count >= KnowledgeLimits.MaxQuestions)
        {
            return KnowledgeChangeResult.Refused(
                $"'{entryId}' already has {existing.Count} alternate questions, the most knowledge check allows; choose one for the new question to replace.")
                with { Replaceable = existing };
        }

        var path = $"faq/{entryId}.md";
        var file = FullPath(path);
        string old;
        try
        {
            old = Encoding.UTF8.GetString(File.ReadAllBytes(file));
        }
        catch (IOException ex)
        {
            return KnowledgeChangeResult.Refused($"{path} cannot be read: {ex.Message}");
        }

        var expected = replaced < 0 ? existing.Append(text).ToList() : existing.Select((q, i) => i == replaced ? text : q).ToList();
        var changed = replaced < 0 ? InsertQuestion(old, text) : ReplaceQuestion(old, replaced, text);
        if (changed is null || !ReadsBackAs(file, changed, expected))
            return KnowledgeChangeResult.Refused($"The questions of {path} are not written as a plain block list ('questions:' then one '- …' line each); {(replaced < 0 ? "add" : "replace")} the question by hand.");
        var description = replaced < 0
            ? $"Add \"{text}\" as an alternate question of {entryId}"
            : $"Replace the alternate question \"{existing[replaced]}\" of {entryId} with \"{text}\"";
        return KnowledgeChangeResult.Succeed(new KnowledgeChange(path, old, changed, UnifiedDiff.Of(DiffPath(path), old, changed), description));
    }

    /// <summary>
    /// A new entry marked <c>draft: true</c> with <paramref name="questions"/> as its alternate questions and a
    /// placeholder answer, titled <paramref name="title"/> (default: the first question). Its id comes from the title's
    /// topic words and is unique in the folder. Questions that are empty, too long, repeated, or already phrasings of an
    /// entry are left out (the description says which); refused when none is left or the title is unusable.
    /// </summary>
    public KnowledgeChangeResult DraftEntry(IEnumerable<string> questions, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (ReadValidFolder(out var entries) is { } problem)
            return KnowledgeChangeResult.Refused(problem);

        var kept = new List<string>();
        var left = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in questions)
        {
            var cleaned = OneLine(raw);
            if (cleaned.Length == 0)
                continue;
            if (cleaned.Length > KnowledgeLimits.Question || kept.Count == KnowledgeLimits.MaxQuestions
                || Duplicate(cleaned, entries) is not null || !seen.Add(KnowledgeLoader.Normalize(cleaned)))
                left.Add(cleaned);
            else
                kept.Add(cleaned);
        }

        if (kept.Count == 0)
            return KnowledgeChangeResult.Refused("None of the questions can be an alternate question: each is empty, over 100 characters or already a phrasing of an entry.");
        var heading = OneLine(title ?? kept[0]);
        if (heading.Length == 0)
            return KnowledgeChangeResult.Refused("The title is empty.");
        if (heading.Length > KnowledgeLimits.Title)
            return KnowledgeChangeResult.Refused($"The title is {heading.Length} characters; titles are at most {KnowledgeLimits.Title}.");

        var id = UniqueId(heading, entries);
        var path = $"faq/{id}.md";
        var lines = new List<string> { "---", $"id: {id}", $"title: {YamlScalar.Write(heading)}", "draft: true", "questions:" };
        lines.AddRange(kept.Select(q => "  - " + YamlScalar.Write(q)));
        lines.Add("sources:");
        lines.Add("  - " + YamlScalar.Write(KnowledgeDrafts.PlaceholderSource));
        lines.Add("---");
        lines.Add(KnowledgeDrafts.PlaceholderAnswer);
        var text = string.Join('\n', lines) + "\n";
        if (!ReadsBackAs(FullPath(path), text, kept))
            return KnowledgeChangeResult.Refused("The draft could not be written so that it reads back as given.");

        var description = $"Draft a new entry {id} (\"{heading}\") with {kept.Count} question(s)"
            + (left.Count > 0 ? $"; left out: {string.Join("; ", left.Select(q => $"\"{q}\""))}" : "");
        return KnowledgeChangeResult.Succeed(new KnowledgeChange(path, null, text, UnifiedDiff.Of(DiffPath(path), null, text), description));
    }

    /// <summary>The id a draft titled <paramref name="title"/> gets: its first topic words, lowercase-kebab.</summary>
    internal static string IdFrom(string title)
    {
        var words = WordPattern().Matches(RemoveDiacritics(title).ToLowerInvariant()).Select(m => m.Value).ToList();
        var topical = words.Where(w => !Faq.Stopwords.All.Contains(w)).ToList();
        var chosen = (topical.Count > 0 ? topical : words).Take(MaxIdWords);
        var id = new StringBuilder();
        foreach (var word in chosen)
        {
            if (id.Length + word.Length + 1 > MaxIdLength - 3)
                break;
            if (id.Length > 0)
                id.Append('-');
            id.Append(word);
        }

        return id.Length > 0 ? id.ToString() : "draft";
    }

    private static string UniqueId(string title, List<FaqDraft> entries)
    {
        var stem = IdFrom(title);
        var taken = entries.Select(d => d.Entry.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var id = stem;
        for (var n = 2; taken.Contains(id); n++)
            id = $"{stem}-{n}";
        return id;
    }

    /// <summary>Null when the folder loads cleanly; otherwise why nothing can be changed yet.</summary>
    private string? ReadValidFolder(out List<FaqDraft> entries)
    {
        entries = [];
        var result = KnowledgeLoader.Load(KnowledgeRoot);
        if (!result.IsValid)
            return $"The knowledge folder has {result.Problems.Count} problem(s) now; fix them first (knowledge check). First: {result.Problems[0]}";
        entries = KnowledgeLoader.ReadFaq(KnowledgeRoot, []);
        return null;
    }

    private static string? Duplicate(string question, List<FaqDraft> entries)
    {
        var key = KnowledgeLoader.Normalize(question);
        foreach (var draft in entries)
        {
            if (draft.Questions.FirstOrDefault(q => KnowledgeLoader.Normalize(q.Value) == key) is { Value: { } existing })
                return $"\"{question}\" is already an alternate question of {draft.Entry.Id} (\"{existing}\").";
            if (KnowledgeLoader.Normalize(draft.Entry.Title) == key)
                return $"\"{question}\" is already the title of {draft.Entry.Id}.";
        }

        return null;
    }

    /// <summary>
    /// The file with one '- question' line after the last item of its block-style 'questions:' list, in the items'
    /// own indentation and line ending; null when the list is not written that way.
    /// </summary>
    private static string? InsertQuestion(string text, string question)
    {
        var lines = Lines(text);
        if (QuestionItems(lines) is not (List<int> items, int last) || ItemPrefix().Match(lines[items[0]]) is not { Success: true } first)
            return null;
        var ending = lines[last].EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        lines.Insert(last + 1, first.Value + YamlScalar.Write(question) + ending);
        return string.Concat(lines);
    }

    /// <summary>
    /// The file with the <paramref name="index"/>-th '- question' line of its block-style 'questions:' list rewritten to
    /// <paramref name="question"/>, keeping that line's indentation and ending; null when the list is not written that
    /// way. A question spread over several lines leaves lines behind, which the read-back check refuses.
    /// </summary>
    private static string? ReplaceQuestion(string text, int index, string question)
    {
        var lines = Lines(text);
        if (QuestionItems(lines) is not (List<int> items, _) || index >= items.Count || ItemPrefix().Match(lines[items[index]]) is not { Success: true } prefix)
            return null;
        var line = lines[items[index]];
        var ending = line.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : line.EndsWith('\n') ? "\n" : "";
        lines[items[index]] = prefix.Value + YamlScalar.Write(question) + ending;
        return string.Concat(lines);
    }

    /// <summary>
    /// The front matter's block-style 'questions:' list: the line numbers of its '- …' items and of its last line;
    /// null when there is no such list (no closing '---', no key, or a first line that is not an item).
    /// </summary>
    private static (List<int> Items, int Last)? QuestionItems(List<string> lines)
    {
        var close = -1;
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].TrimEnd() == "---")
            {
                close = i;
                break;
            }
        }

        var key = lines.FindIndex(0, Math.Max(0, close), l => QuestionsKey().IsMatch(l.TrimEnd('\r', '\n')));
        if (close < 0 || key < 0)
            return null;
        var items = new List<int>();
        var last = -1;
        for (var i = key + 1; i < close; i++)
        {
            var line = lines[i].TrimEnd('\r', '\n');
            if (line.Trim().Length == 0)
                continue;
            if (!char.IsWhiteSpace(line[0]) && line[0] != '-')
                break;
            if (ItemPrefix().IsMatch(line))
                items.Add(i);
            else if (items.Count == 0)
                return null;
            last = i;
        }

        return items.Count == 0 ? null : (items, last);
    }

    /// <summary>Whether the text parses as a valid-looking FAQ file whose questions are exactly <paramref name="expected"/>.</summary>
    private static bool ReadsBackAs(string file, string text, IEnumerable<string> expected)
    {
        var problems = new List<KnowledgeProblem>();
        var draft = FaqFileReader.Read(file, text.TrimStart('\uFEFF'), problems);
        return draft is not null && problems.Count == 0 && draft.Questions.Select(q => q.Value).SequenceEqual(expected, StringComparer.Ordinal);
    }

    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static string OneLine(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string RemoveDiacritics(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark));

    private string FullPath(string path) => Path.Combine(KnowledgeRoot, path.Replace('/', Path.DirectorySeparatorChar));

    private string DiffPath(string path)
    {
        var root = diffRoot.Replace('\\', '/').Trim('/');
        return root.Length == 0 ? path : $"{root}/{path}";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^questions:\s*(#.*)?$")]
    private static partial Regex QuestionsKey();

    [GeneratedRegex(@"^\s*-\s+")]
    private static partial Regex ItemPrefix();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordPattern();
}
