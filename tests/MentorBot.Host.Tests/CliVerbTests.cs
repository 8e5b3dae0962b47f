using System.Text.Json;
using System.Text.RegularExpressions;
using MentorBot.Host.Cli;
using MentorBot.Host.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Tests;

/// <summary>The one-shot verbs, in-process, against the repository's knowledge folder.</summary>
public sealed partial class CliVerbTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Knowledge_check_passes_on_the_repository_knowledge()
    {
        var run = Run(["knowledge", "check"]);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("knowledge OK: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("14 roadmap weeks", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Knowledge_check_reports_each_problem_as_path_line_message_and_exits_1()
    {
        var root = _temp.Combine("knowledge");
        TestPaths.CopyTree(TestPaths.RepoKnowledge, root);
        // One entry loses its title; another links to an entry that does not exist.
        var untitled = Path.Combine(root, "faq", "degree-required.md");
        File.WriteAllLines(untitled, File.ReadAllLines(untitled).Where(l => !l.StartsWith("title:", StringComparison.Ordinal)));
        var linking = Path.Combine(root, "faq", "apis.md");
        var lines = File.ReadAllLines(linking);
        var relatedLine = Array.FindIndex(lines, l => l.StartsWith("related:", StringComparison.Ordinal));
        lines[relatedLine] = "related: [frameworks, no-such-entry]";
        File.WriteAllText(linking, string.Join('\n', lines) + "\n");

        var run = Run(["knowledge", "check"], root);

        Assert.Equal(1, run.ExitCode);
        var output = Lines(run.Out);
        var problems = output[..^1];
        Assert.All(problems, p => Assert.Matches(ProblemLine(), p));
        Assert.All(problems, p => Assert.StartsWith(Path.Combine(root, "faq") + Path.DirectorySeparatorChar, p, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"{untitled}:", StringComparison.Ordinal) && p.EndsWith(": missing required field 'title'", StringComparison.Ordinal));
        Assert.Contains($"{linking}:{relatedLine + 1}: related id 'no-such-entry' does not exist", problems);
        Assert.Equal($"{problems.Count} problem(s) in {root}", output[^1]);
        Assert.DoesNotContain("knowledge OK", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_prints_the_answer()
    {
        var run = Run(["ask", "do I need a degree"]);
        Assert.Equal(0, run.ExitCode);
        var output = Lines(run.Out);
        Assert.StartsWith("Do I need a computer science degree to become a backend developer?  [degree-required, confidence ", output[0], StringComparison.Ordinal);
        Assert.Contains("a degree is not mandatory", run.Out, StringComparison.Ordinal);
        // Issue 15: the answer's Markdown (**No, a degree is not mandatory.**) was printed raw.
        Assert.Contains("No, a degree is not mandatory. All three guides", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("**", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_json_answers_one_json_line_per_stdin_line()
    {
        var run = Run(["ask", "--json"], stdin: "do I need a degree\n\nhow do I bake bread\nhow much does a backend developer earn in india\n");
        Assert.Equal(0, run.ExitCode);
        var answers = Lines(run.Out).Select(ParseAnswer).ToList();

        Assert.Equal(["do I need a degree", "how do I bake bread", "how much does a backend developer earn in india"], answers.Select(a => a.Question));
        Assert.Equal("degree-required", answers[0].Id);
        Assert.Null(answers[1].Id);
        Assert.Equal("salary-india", answers[2].Id);
    }

    [Fact]
    public void Faq_eval_prints_accuracy_decline_rate_and_every_miss()
    {
        var tsv = _temp.Combine("eval.tsv");
        File.WriteAllText(tsv, "question\texpected\ndo I need a degree\tdegree-required\nhow do I bake bread\tnone\ndo I need a degree\tsalary-us\n");

        var run = Run(["faq", "eval", tsv]);

        Assert.Equal(0, run.ExitCode);
        var output = Lines(run.Out);
        Assert.Equal("in-scope top-1 accuracy: 1/2 = 50.0 %", output[0]);
        Assert.Equal("off-topic decline rate:  1/1 = 100.0 %", output[1]);
        Assert.Equal("in-scope ranked first (answered or first suggestion): 1/2", output[2]);
        Assert.Equal("misses (1):", output[3]);
        Assert.StartsWith("  line 4: \"do I need a degree\" expected salary-us, got degree-required (", output[4], StringComparison.Ordinal);
        Assert.Equal(5, output.Count);
    }

    [Theory]
    [InlineData("50", "100", 0)]
    [InlineData("51", "100", 1)]
    [InlineData("50", "100.0%", 0)]
    public void Faq_eval_exits_1_when_a_rate_is_below_its_floor(string minInScope, string minDeclined, int exitCode)
    {
        var tsv = _temp.Combine("floors.tsv");
        File.WriteAllText(tsv, "question\texpected\ndo I need a degree\tdegree-required\nhow do I bake bread\tnone\ndo I need a degree\tsalary-us\n");

        var run = Run(["faq", "eval", tsv, "--min-in-scope", minInScope, "--min-declined", minDeclined]);

        Assert.Equal(exitCode, run.ExitCode);
        if (exitCode == 1)
            Assert.Contains("FAIL: in-scope top-1 accuracy 50.0 % is below the floor of 51.0 %", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--min-in-scope")]
    [InlineData("--min-in-scope", "lots")]
    [InlineData("--min-declined", "101")]
    [InlineData("--floor", "50")]
    public void Faq_eval_with_a_malformed_floor_exits_2_and_says_what_it_expected(params string[] options)
    {
        var tsv = _temp.Combine("floors.tsv");
        File.WriteAllText(tsv, "question\texpected\ndo I need a degree\tdegree-required\n");

        var run = Run(["faq", "eval", tsv, .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("in percent", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_json_reports_small_talk_as_a_decline_with_its_kind()
    {
        var run = Run(["ask", "--json"], stdin: "hello there\nwhat can you do\n");

        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run.Out);
        Assert.Contains("\"id\":null", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"smalltalk\":\"greeting\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"smalltalk\":\"capabilities\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Faq_eval_of_a_missing_file_exits_2()
    {
        var run = Run(["faq", "eval", _temp.Combine("missing.tsv")]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No such file", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("knowledge", "frob")]
    [InlineData("faq")]
    public void An_unknown_command_line_exits_2_with_the_usage(params string[] args)
    {
        var run = Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown command line", run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage: MentorBot.Host", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData(true, "ask")]
    [InlineData(true, "faq", "eval", "x.tsv")]
    [InlineData(true, "knowledge", "check")]
    [InlineData(true, "--help")]
    [InlineData(true, "knowlege", "check")]
    [InlineData(true, "frobnicate")]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://127.0.0.1:0")]
    [InlineData(false, "--Storage:DatabasePath=data/x.db")]
    [InlineData(false, "/Console:Enabled", "false")]
    [InlineData(false, "Storage:DatabasePath=data/x.db")]
    public void Known_verbs_and_bare_words_are_verbs_and_host_settings_are_not(bool verb, params string[] args) =>
        Assert.Equal(verb, CliVerbs.IsVerb(args));

    [Fact]
    public void Ask_without_a_question_or_json_exits_2()
    {
        var run = Run(["ask"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ask needs a question", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbs_refuse_to_answer_from_an_invalid_knowledge_folder()
    {
        var root = _temp.Combine("knowledge");
        TestPaths.CopyTree(TestPaths.RepoKnowledge, root);
        File.WriteAllText(Path.Combine(root, "faq", "broken.md"), "no front matter here\n");

        var run = Run(["ask", "do I need a degree"], root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.md:", run.Error, StringComparison.Ordinal);
        Assert.Contains("is invalid; run 'knowledge check'", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    internal static List<string> Lines(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    internal static (string Question, string? Id, double Confidence, string[] Suggestions) ParseAnswer(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var id = root.GetProperty("id");
        Assert.True(id.ValueKind is JsonValueKind.String or JsonValueKind.Null, line);
        var confidence = root.GetProperty("confidence").GetDouble();
        Assert.InRange(confidence, 0, 1);
        var suggestions = root.GetProperty("suggestions");
        Assert.Equal(JsonValueKind.Array, suggestions.ValueKind);
        return (
            root.GetProperty("question").GetString()!,
            id.ValueKind == JsonValueKind.Null ? null : id.GetString(),
            confidence,
            [.. suggestions.EnumerateArray().Select(s => s.GetString()!)]);
    }

    private static (int ExitCode, string Out, string Error) Run(string[] args, string? knowledge = null, string stdin = "")
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Path"] = knowledge ?? TestPaths.RepoKnowledge })
            .Build();
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliVerbs.Run(args, new CliConsole(input, output, error), configuration);
        return (exit, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"^.+:\d+: .+$")]
    private static partial Regex ProblemLine();
}
