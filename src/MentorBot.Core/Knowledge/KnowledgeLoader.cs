using System.Text;
using MentorBot.Core.Faq;
using MentorBot.Core.Knowledge.Loading;

namespace MentorBot.Core.Knowledge;

/// <summary>
/// Reads and validates a knowledge folder (<c>faq/*.md</c>, <c>roadmap/*.md</c>, <c>lexicon.yaml</c>, <c>off-topic.txt</c>,
/// <c>faq-calibration.json</c>).
/// Every problem is collected, not just the first, so one <c>knowledge check</c> run lists them all.
/// </summary>
public static class KnowledgeLoader
{
    public static KnowledgeLoadResult Load(string root)
    {
        var problems = new List<KnowledgeProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new(root, 0, "knowledge folder not found"));
            return new(null, problems);
        }

        var faqDir = Path.Combine(root, "faq");
        var faq = new List<FaqDraft>();
        if (!Directory.Exists(faqDir))
            problems.Add(new(faqDir, 0, "folder not found; FAQ entries live in faq/<id>.md"));
        else
            faq.AddRange(ReadAll(faqDir, problems, FaqFileReader.Read));

        var roadmapDir = Path.Combine(root, "roadmap");
        var roadmap = Directory.Exists(roadmapDir) ? ReadAll(roadmapDir, problems, RoadmapFileReader.Read) : [];

        var lexiconFile = Path.Combine(root, "lexicon.yaml");
        var lexicon = File.Exists(lexiconFile)
            ? LexiconFileReader.Read(lexiconFile, File.ReadAllText(lexiconFile, Encoding.UTF8), problems)
            : Lexicon.Empty;

        var offTopicFile = Path.Combine(root, OffTopicFileReader.FileName);
        var offTopic = File.Exists(offTopicFile)
            ? OffTopicFileReader.Read(offTopicFile, File.ReadAllText(offTopicFile, Encoding.UTF8), problems)
            : [];

        var calibrationFile = Path.Combine(root, FaqCalibration.FileName);
        var calibration = File.Exists(calibrationFile) ? ReadCalibration(calibrationFile, problems) : FaqCalibration.Default;

        var questions = CheckAcrossFiles(faq, roadmap, problems);
        CheckOffTopic(faq, questions, offTopic, offTopicFile, problems);
        if (lexicon is not null)
            CheckFacets(faq, lexicon, lexiconFile, problems);
        if (problems.Count > 0 || lexicon is null)
            return new(null, problems);

        // Drafts took part in every check (their ids and questions are reserved) but are not served.
        var knowledge = new KnowledgeBase(
            faq.Where(d => !d.IsDraft).Select(d => d.Entry).OrderBy(e => e.Id, StringComparer.Ordinal).ToArray(),
            roadmap.Select(d => d.Week).OrderBy(w => w.Week).ToArray(),
            lexicon)
        {
            Calibration = calibration ?? FaqCalibration.Default,
            OffTopicExamples = offTopic.Select(e => e.Text).ToArray(),
        };
        return new(knowledge, problems) { Drafts = faq.Where(d => d.IsDraft).Select(d => d.Entry.Id).Order(StringComparer.Ordinal).ToArray() };
    }

    /// <summary>Every FAQ file of the folder as parsed, drafts included, with the problems of each file alone.</summary>
    internal static List<FaqDraft> ReadFaq(string root, List<KnowledgeProblem> problems)
    {
        var faqDir = Path.Combine(root, "faq");
        return Directory.Exists(faqDir) ? ReadAll(faqDir, problems, FaqFileReader.Read) : [];
    }

    private static FaqCalibration? ReadCalibration(string file, List<KnowledgeProblem> problems)
    {
        try
        {
            var calibration = FaqCalibration.Parse(File.ReadAllText(file, Encoding.UTF8));
            if (calibration.Semantic is null || calibration.Lexical is null)
                problems.Add(new(file, 0, "the calibration needs both a 'semantic' and a 'lexical' model"));
            return calibration;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or IOException or NotSupportedException)
        {
            problems.Add(new(file, 0, $"not a valid calibration file: {ex.Message}"));
            return null;
        }
    }

    private static List<T> ReadAll<T>(string dir, List<KnowledgeProblem> problems, Func<string, string, List<KnowledgeProblem>, T?> read)
        where T : class
    {
        var drafts = new List<T>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = File.ReadAllText(file, Encoding.UTF8);
            }
            catch (IOException ex)
            {
                problems.Add(new(file, 0, $"cannot read the file: {ex.Message}"));
                continue;
            }

            if (read(file, text, problems) is { } draft)
                drafts.Add(draft);
        }

        return drafts;
    }

    /// <summary>
    /// Each facet value must read as one term (a question names "data analyst" as one thing, not "data" and "analyst"),
    /// and each entry's <c>about</c> value must be a value of some facet.
    /// </summary>
    private static void CheckFacets(List<FaqDraft> faq, Lexicon lexicon, string lexiconFile, List<KnowledgeProblem> problems)
    {
        var analyzer = new TermAnalyzer(lexicon);
        foreach (var (facet, values) in lexicon.Facets)
        {
            foreach (var value in values)
            {
                if (analyzer.Analyze(value) is not [_])
                    problems.Add(new(lexiconFile, 0, $"the value '{value}' of facet '{facet}' does not read as one term; start a synonym group with it"));
            }
        }

        var known = lexicon.Facets.Values.SelectMany(v => v).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var draft in faq)
        {
            foreach (var (value, line) in draft.About)
            {
                if (!known.Contains(value))
                {
                    var names = lexicon.Facets.Count == 0 ? "none" : string.Join(", ", lexicon.Facets.Keys);
                    problems.Add(new(draft.Entry.SourcePath, line, $"'about: {value}' is not a value of any facet in lexicon.yaml (facets: {names})"));
                }
            }
        }
    }

    /// <summary>An example the bot must decline cannot also be a title or question some entry answers.</summary>
    private static void CheckOffTopic(
        List<FaqDraft> faq,
        Dictionary<string, (FaqDraft Draft, int Line)> questions,
        List<(string Text, int Line)> offTopic,
        string file,
        List<KnowledgeProblem> problems)
    {
        var titles = new Dictionary<string, FaqDraft>(StringComparer.Ordinal);
        foreach (var draft in faq)
            titles.TryAdd(Normalize(draft.Entry.Title), draft);

        foreach (var (text, line) in offTopic)
        {
            var key = Normalize(text);
            var owner = titles.GetValueOrDefault(key) ?? (questions.TryGetValue(key, out var question) ? question.Draft : null);
            if (owner is not null)
                problems.Add(new(file, line, $"the example is also a question of {owner.Entry.SourcePath}; a question cannot be both answered and declined"));
        }
    }

    /// <summary>Checks ids, questions and references across files; returns every question by its <see cref="Normalize"/>d form.</summary>
    private static Dictionary<string, (FaqDraft Draft, int Line)> CheckAcrossFiles(List<FaqDraft> faq, List<RoadmapDraft> roadmap, List<KnowledgeProblem> problems)
    {
        var byId = new Dictionary<string, FaqDraft>(StringComparer.OrdinalIgnoreCase);
        foreach (var draft in faq)
        {
            if (!byId.TryAdd(draft.Entry.Id, draft))
                problems.Add(new(draft.Entry.SourcePath, draft.IdLine, $"id '{draft.Entry.Id}' is also used by {byId[draft.Entry.Id].Entry.SourcePath}"));
        }

        var questions = new Dictionary<string, (FaqDraft Draft, int Line)>(StringComparer.Ordinal);
        foreach (var draft in faq)
        {
            foreach (var (question, line) in draft.Questions)
            {
                var key = Normalize(question);
                if (questions.TryGetValue(key, out var first))
                {
                    var where = ReferenceEquals(first.Draft, draft) ? $"line {first.Line}" : $"{first.Draft.Entry.SourcePath}:{first.Line}";
                    problems.Add(new(draft.Entry.SourcePath, line, $"the question '{question}' also appears at {where}"));
                }
                else
                {
                    questions[key] = (draft, line);
                }
            }
        }

        foreach (var draft in faq)
        {
            foreach (var (related, line) in draft.Related)
            {
                if (string.Equals(related, draft.Entry.Id, StringComparison.OrdinalIgnoreCase))
                    problems.Add(new(draft.Entry.SourcePath, line, "an entry cannot be related to itself"));
                else if (!byId.TryGetValue(related, out var target))
                    problems.Add(new(draft.Entry.SourcePath, line, $"related id '{related}' does not exist"));
                else if (target.IsDraft && !draft.IsDraft)
                    problems.Add(new(draft.Entry.SourcePath, line, $"related id '{related}' is a draft, which is not served"));
            }
        }

        var weeks = new Dictionary<int, RoadmapDraft>();
        foreach (var draft in roadmap)
        {
            if (!weeks.TryAdd(draft.Week.Week, draft))
                problems.Add(new(draft.Week.SourcePath, draft.WeekLine, $"week {draft.Week.Week} is also defined in {weeks[draft.Week.Week].Week.SourcePath}"));
            foreach (var (related, line) in draft.Related)
            {
                if (!byId.TryGetValue(related, out var target))
                    problems.Add(new(draft.Week.SourcePath, line, $"related id '{related}' does not exist"));
                else if (target.IsDraft)
                    problems.Add(new(draft.Week.SourcePath, line, $"related id '{related}' is a draft, which is not served"));
            }
        }

        for (var week = 1; week <= weeks.Count; week++)
        {
            if (!weeks.ContainsKey(week))
            {
                var last = roadmap.MaxBy(d => d.Week.Week)!;
                problems.Add(new(last.Week.SourcePath, last.WeekLine, $"the roadmap skips week {week}; weeks must run 1, 2, 3… without gaps"));
                break;
            }
        }

        return questions;
    }

    /// <summary>
    /// The form in which two questions count as the same (lowercase letters and digits, single spaces): one question
    /// may not appear twice across the knowledge base in this form.
    /// </summary>
    internal static string Normalize(string question)
    {
        var builder = new StringBuilder(question.Length);
        foreach (var c in question.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != ' ')
                builder.Append(' ');
        }

        return builder.ToString().Trim();
    }
}
