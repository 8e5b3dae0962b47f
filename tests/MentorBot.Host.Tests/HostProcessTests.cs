using System.Diagnostics;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Host.Tests;

/// <summary>The built MentorBot.Host.dll as a real child process, talked to through real pipes.</summary>
public sealed class HostProcessTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Piped_faq_question_is_answered_on_stdout_with_logs_on_stderr_and_exit_code_0()
    {
        var result = await RunHostAsync([], "/faq do I need a CS degree\n");

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout:\n{result.Out}\nstderr:\n{result.Error}");
        Assert.StartsWith("Do I need a computer science degree to become a backend developer?", result.Out, StringComparison.Ordinal);
        Assert.Contains("a degree is not mandatory", result.Out, StringComparison.Ordinal);
        Assert.Contains("— Sources: ", result.Out, StringComparison.Ordinal);

        // Every log line goes to stderr; stdout carries replies only.
        Assert.Contains("info: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("Console adapter ready", result.Error, StringComparison.Ordinal);
        Assert.Contains("End of console input; stopping", result.Error, StringComparison.Ordinal);
        Assert.Contains(_temp.DatabasePath, result.Error, StringComparison.Ordinal);
        foreach (var level in new[] { "trce:", "dbug:", "info:", "warn:", "fail:", "crit:" })
            Assert.DoesNotContain(level, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Console adapter ready", result.Out, StringComparison.Ordinal);

        Assert.True(File.Exists(_temp.DatabasePath));
    }

    [Fact]
    public async Task Empty_stdin_stops_the_host_with_exit_code_0()
    {
        var result = await RunHostAsync([], "");

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout:\n{result.Out}\nstderr:\n{result.Error}");
        Assert.Equal("", result.Out);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_json_verb_answers_stdin_lines_as_json_lines()
    {
        var result = await RunHostAsync(["ask", "--json"], "do I need a CS degree\nhow do I bake bread\n");

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout:\n{result.Out}\nstderr:\n{result.Error}");
        var answers = CliVerbTests.Lines(result.Out).Select(CliVerbTests.ParseAnswer).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal(("do I need a CS degree", "degree-required"), (answers[0].Question, answers[0].Id));
        Assert.Equal(("how do I bake bread", (string?)null), (answers[1].Question, answers[1].Id));
        Assert.Equal("", result.Error);
        Assert.False(File.Exists(_temp.DatabasePath), "verbs must not open storage");
    }

    [Fact]
    public async Task A_mistyped_verb_exits_2_with_the_usage_instead_of_starting_the_bot()
    {
        var result = await RunHostAsync(["knowlege", "check"], "/checkin\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command line: knowlege check", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        Assert.False(File.Exists(_temp.DatabasePath));
    }

    [Fact]
    public async Task An_unusable_database_path_fails_with_exit_code_1_and_a_message()
    {
        var blocker = _temp.Combine("a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");

        var result = await RunHostAsync([], "/checkin\n", databasePath: Path.Combine(blocker, "db", "mentorbot.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("Checked in", result.Out, StringComparison.Ordinal);
        Assert.Contains("Cannot open the database", result.Error, StringComparison.Ordinal);
        Assert.Contains("(Storage:DatabasePath)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Out, string Error)> RunHostAsync(string[] args, string stdin, string? databasePath = null)
    {
        Assert.True(File.Exists(TestPaths.HostDll), $"{TestPaths.HostDll} is missing");
        var start = new ProcessStartInfo(TestPaths.Dotnet)
        {
            WorkingDirectory = _temp.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TestPaths.HostDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        // Nothing from the test runner's environment may point the child at other storage, knowledge or platforms.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Knowledge__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Console__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Discord__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Slack__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(key);
        }

        start.Environment["Storage__DatabasePath"] = databasePath ?? _temp.DatabasePath;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process may exit before reading its input (e.g. on a configuration error); its exit code says why.
        }

        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not exit within {ExitTimeout}.\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
