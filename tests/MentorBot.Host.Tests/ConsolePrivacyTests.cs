using System.Text.Json;
using MentorBot.Core.Challenges;
using MentorBot.Core.Identity;
using MentorBot.Core.Privacy;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Host.Tests;

/// <summary>/mydata and /forget on the console, through the whole host over a real LiteDB file.</summary>
public sealed class ConsolePrivacyTests : IDisposable
{
    private static readonly LearnerId Local = new("console", "local");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Files => _temp.Combine("files");

    private Task<ConsoleHost> StartAsync() =>
        ConsoleHost.StartAsync(_temp.DatabasePath, new Dictionary<string, string?> { ["Console:AttachmentDirectory"] = Files });

    [Fact]
    public async Task Mydata_writes_the_json_to_a_file_and_prints_its_path()
    {
        await using var host = await StartAsync();
        await host.SendAsync("/checkin learned LINQ");

        var reply = await host.SendAsync("/mydata");

        var file = Assert.Single(Directory.GetFiles(Files));
        Assert.Matches(@"^mydata-console-local-\d{8}T\d{6}Z\.json$", Path.GetFileName(file));
        Assert.Contains("Saved mydata-console-local-", reply, StringComparison.Ordinal);
        Assert.Contains(file, reply, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(file));
        var checkin = json.RootElement.GetProperty("data").GetProperty("mentoring").GetProperty("checkins")[0];
        Assert.Equal("learned LINQ", checkin.GetProperty("note").GetString());
        await host.EndInputAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Forget_then_confirm_leaves_streak_empty_and_challenge_results_consistent()
    {
        await using var host = await StartAsync();
        await host.SendAsync("/checkin");
        await host.SendAsync("/challenge post \"Open one\" Build it 2099-12-31");
        await host.SendAsync("/challenge post \"Closed one\" Build it 2099-12-31");
        await host.SendAsync("/challenge submit 1 https://example.com/mine");
        await host.SendAsync("/challenge submit 2 https://example.com/mine");
        var closing = await host.SendAsync("/challenge close 2");
        Assert.Contains("1 submission", closing, StringComparison.Ordinal);
        Assert.Contains("1 submission", await host.SendAsync("/challenge list"), StringComparison.Ordinal);

        var ask = await host.SendAsync("/forget");
        Assert.Contains("/forget confirm", ask, StringComparison.Ordinal);
        Assert.Contains("Current: 1 day", await host.SendAsync("/streak"), StringComparison.Ordinal);
        var done = await host.SendAsync("/forget confirm");

        Assert.Contains("Check-ins: 1 deleted.", done, StringComparison.Ordinal);
        Assert.Contains("Challenge submissions: 1 deleted; 1 kept on closed challenges", done, StringComparison.Ordinal);
        Assert.Contains("You haven't checked in yet", await host.SendAsync("/streak"), StringComparison.Ordinal);
        // The open challenge lost the entry; the closed one still counts it, under no name.
        Assert.Contains("0 submissions", await host.SendAsync("/challenge list"), StringComparison.Ordinal);
        var closed = await host.Service<IChallengeStore>().ListSubmissionsAsync(2);
        var kept = Assert.Single(closed);
        Assert.True(FormerLearner.Is(kept.Learner));
        Assert.Equal("", kept.Link);
        Assert.Empty(await host.Service<IChallengeStore>().ListSubmissionsAsync(1));
        // Running /streak again made a fresh profile (week 1), nothing older.
        var left = await host.Service<ILearnerDataStore>().ExportAsync(Local);
        Assert.Empty(left.Checkins);
        Assert.Empty(left.Submissions);
        Assert.Null(left.Streak);
        await host.EndInputAsync(TimeSpan.FromSeconds(5));
    }
}
