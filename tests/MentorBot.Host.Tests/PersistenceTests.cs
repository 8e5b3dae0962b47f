using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Host.Tests.Support;
using MentorBot.Core.Streaks;

namespace MentorBot.Host.Tests;

/// <summary>State lives in the LiteDB file, so it survives a restart of the host.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_checkin_survives_a_restart_and_is_not_doubled()
    {
        await using (var first = await ConsoleHost.StartAsync(_temp.DatabasePath))
        {
            Assert.StartsWith("Checked in for ", await first.SendAsync("/checkin learned LINQ"), StringComparison.Ordinal);
            await first.EndInputAsync(TimeSpan.FromSeconds(5));
        }

        Assert.True(File.Exists(_temp.DatabasePath));

        await using var second = await ConsoleHost.StartAsync(_temp.DatabasePath);
        var streak = await second.SendAsync("/streak");
        Assert.Contains("Current: 1 day", streak, StringComparison.Ordinal);
        Assert.Contains("Longest: 1 day", streak, StringComparison.Ordinal);
        Assert.StartsWith("Already checked in today", await second.SendAsync("/checkin"), StringComparison.Ordinal);

        var checkins = await second.Service<IActivityStore>().ListCheckinsAsync(new LearnerId("console", "local"));
        var only = Assert.Single(checkins);
        Assert.Equal("learned LINQ", only.Note);
        await second.EndInputAsync(TimeSpan.FromSeconds(5));
    }
}
