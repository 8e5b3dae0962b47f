using System.Text.RegularExpressions;

namespace MentorBot.Core.Knowledge.Loading;

/// <summary>Reads one <c>knowledge/faq/&lt;id&gt;.md</c> file.</summary>
internal static partial class FaqFileReader
{
    public static FaqDraft? Read(string file, string text, List<KnowledgeProblem> problems)
    {
        var before = problems.Count;
        var document = FrontMatter.Parse(file, text, problems);
        if (document is null)
            return null;

        var fields = new YamlFields(file, document, problems);
        var id = fields.String("id", required: true, maxLength: 60);
        var idLine = fields.LineOf("id");
        if (id.Length > 0 && !IdPattern().IsMatch(id))
            fields.Problem(idLine, $"id '{id}' must be lowercase words joined by '-'");
        var expected = Path.GetFileNameWithoutExtension(file);
        if (id.Length > 0 && !string.Equals(id, expected, StringComparison.Ordinal))
            fields.Problem(idLine, $"id '{id}' does not match the file name '{expected}.md'");

        var title = fields.String("title", required: true, KnowledgeLimits.Title);
        var isDraft = fields.Flag("draft");
        var questions = fields.List("questions", required: true, KnowledgeLimits.Question);
        // A draft gathers the few questions learners asked; it needs the full set only when it is published.
        var fewest = isDraft ? 1 : KnowledgeLimits.MinQuestions;
        if ((questions.Count > 0 && questions.Count < fewest) || questions.Count > KnowledgeLimits.MaxQuestions)
        {
            fields.Problem(fields.LineOf("questions"),
                $"'questions' has {questions.Count} items; write {fewest} to {KnowledgeLimits.MaxQuestions} phrasings");
        }

        var tags = fields.List("tags", required: false, 40);
        var sources = fields.List("sources", required: true, 200);
        var related = fields.List("related", required: false, 60);
        var about = fields.List("about", required: false, 60);
        fields.RejectUnknownKeys();

        var body = document.Body;
        if (body.Length == 0)
            fields.Problem(document.BodyFirstLine, "the answer (the Markdown after the front matter) is empty");
        else if (body.Length > KnowledgeLimits.Answer)
            fields.Problem(document.BodyFirstLine, $"the answer is {body.Length} characters; one chat message allows {KnowledgeLimits.Answer}");
        else if (!isDraft && body.Contains(KnowledgeDrafts.PlaceholderMarker, StringComparison.Ordinal))
            fields.Problem(document.BodyFirstLine, "the answer is still the draft placeholder; write the answer before removing 'draft: true'");
        var lastLine = body.Split('\n')[^1].Trim();
        if (body.Length > 0 && !lastLine.StartsWith("Sources:", StringComparison.Ordinal))
            fields.Problem(document.BodyFirstLine + body.Split('\n').Length - 1, "the answer must end with a line starting 'Sources:' that names its sources");

        // A file with problems still takes part in the cross-file checks (its links, its questions), so one run
        // reports everything; the loader refuses the whole snapshot anyway. Without an id there is nothing to link.
        if (id.Length == 0)
            return null;

        var entry = new FaqEntry(
            id,
            title,
            questions.Select(q => q.Value).ToArray(),
            tags.Select(t => t.Value.ToLowerInvariant()).ToArray(),
            sources.Select(s => s.Value).ToArray(),
            related.Select(r => r.Value).ToArray(),
            body,
            file) { About = about.Select(a => a.Value.ToLowerInvariant()).ToArray() };
        return new FaqDraft(entry, idLine, questions, related) { IsDraft = isDraft, About = about };
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
