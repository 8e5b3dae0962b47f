namespace MentorBot.Core.Knowledge.Loading;

/// <summary>Reads one <c>knowledge/roadmap/week-NN.md</c> file.</summary>
internal static class RoadmapFileReader
{
    public static RoadmapDraft? Read(string file, string text, List<KnowledgeProblem> problems)
    {
        var before = problems.Count;
        var document = FrontMatter.Parse(file, text, problems);
        if (document is null)
            return null;

        var fields = new YamlFields(file, document, problems);
        var week = fields.Integer("week");
        var weekLine = fields.LineOf("week");
        if (week < 1 && problems.Count == before)
            fields.Problem(weekLine, "'week' must be 1 or more");

        var title = fields.String("title", required: true, KnowledgeLimits.RoadmapTitle);
        var goal = fields.String("goal", required: true, KnowledgeLimits.RoadmapGoal);
        var tasks = fields.List("tasks", required: true, KnowledgeLimits.RoadmapTask);
        if (tasks.Count is > 0 and (< KnowledgeLimits.MinTasks or > KnowledgeLimits.MaxTasks))
        {
            fields.Problem(fields.LineOf("tasks"),
                $"'tasks' has {tasks.Count} items; a week has {KnowledgeLimits.MinTasks} to {KnowledgeLimits.MaxTasks}");
        }

        var doneWhen = fields.String("done_when", required: true, KnowledgeLimits.RoadmapDoneWhen);
        var related = fields.List("related", required: false, 60);
        var sources = fields.List("sources", required: false, 200);
        fields.RejectUnknownKeys();

        var notes = document.Body;
        if (notes.Length > KnowledgeLimits.RoadmapNotes)
            fields.Problem(document.BodyFirstLine, $"the notes are {notes.Length} characters; the limit is {KnowledgeLimits.RoadmapNotes}");

        var messageLength = title.Length + goal.Length + tasks.Sum(t => t.Value.Length + 4) + doneWhen.Length + notes.Length + 80;
        if (messageLength > KnowledgeLimits.RoadmapMessage)
            fields.Problem(fields.HeaderLine, $"the week renders to about {messageLength} characters; one message allows {KnowledgeLimits.RoadmapMessage}");

        // As for FAQ files: keep the draft for the cross-file checks unless the week number itself is unusable.
        if (week < 1)
            return null;

        var roadmapWeek = new RoadmapWeek(
            week,
            title,
            goal,
            tasks.Select(t => t.Value).ToArray(),
            doneWhen,
            related.Select(r => r.Value).ToArray(),
            sources.Select(s => s.Value).ToArray(),
            notes,
            file);
        return new RoadmapDraft(roadmapWeek, weekLine, related);
    }
}
