using MentorBot.Core.Knowledge;

namespace MentorBot.Host.Cli;

/// <summary><c>knowledge check</c>: every problem as <c>file:line: message</c>, exit code 1 if there is any.</summary>
internal static class KnowledgeCheckVerb
{
    public static int Run(string root, CliConsole console)
    {
        var result = KnowledgeLoader.Load(root);
        foreach (var problem in result.Problems)
            console.Out.WriteLine(problem);
        if (!result.IsValid)
        {
            console.Out.WriteLine($"{result.Problems.Count} problem(s) in {root}");
            return 1;
        }

        var knowledge = result.Knowledge!;
        if (result.Drafts.Count > 0)
            console.Out.WriteLine($"{result.Drafts.Count} draft(s) checked but not served: {string.Join(", ", result.Drafts)}");
        console.Out.WriteLine(
            $"knowledge OK: {knowledge.Faq.Count} FAQ entries, {knowledge.Roadmap.Count} roadmap weeks, {knowledge.Lexicon.Synonyms.Count} synonym groups, {knowledge.OffTopicExamples.Count} off-topic examples in {root}");
        return 0;
    }
}
