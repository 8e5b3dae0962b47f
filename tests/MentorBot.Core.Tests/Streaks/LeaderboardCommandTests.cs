using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Core.Tests.Commands;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;

namespace MentorBot.Core.Tests.Streaks;

public sealed class LeaderboardCommandTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private async Task SeedAsync(string user, int current, int daysAgo, int freezes = 0, string? community = null)
    {
        var id = new LearnerId("console", user);
        var today = DateOnly.FromDateTime(BotHarness.Start.UtcDateTime);
        await _bot.Learners.UpsertAsync(new LearnerProfile(id, user, "UTC", 1, [community is null ? BotHarness.Community : CommunityId.Parse(community)], BotHarness.Start));
        await _bot.Activity.UpsertStreakSummaryAsync(new StreakSummary(id, user, "UTC", today.AddDays(-daysAgo), current, current, freezes, BotHarness.Start));
    }

    [Fact]
    public async Task Orders_by_current_streak_and_shows_the_callers_rank()
    {
        await SeedAsync("dana", 5, 0);
        await SeedAsync("erin", 9, 1);
        await SeedAsync("finn", 3, 0);
        await _bot.SendAsync("/checkin");

        var reply = await _bot.SendAsync("/leaderboard");

        Assert.Equal(["1. erin — 9 days", "2. dana — 5 days", "3. finn — 3 days", "4. Alice — 1 day"], reply.Text.Split('\n'));
        Assert.Equal("You're #4 of 4 with 1 day.", reply.Footer);
    }

    [Fact]
    public async Task Stale_streaks_drop_out_unless_freezes_cover_the_gap()
    {
        await SeedAsync("gone", 20, 3);
        await SeedAsync("frozen", 15, 3, freezes: 2);
        await SeedAsync("short", 15, 3, freezes: 1);

        var reply = await _bot.SendAsync("/leaderboard");

        Assert.Equal("1. frozen — 15 days", reply.Text);
        Assert.Contains("don't have a running streak", reply.Footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_only_the_top_ten_but_still_ranks_the_caller()
    {
        for (var i = 0; i < 12; i++)
            await SeedAsync($"user{i:00}", 10 + i, 0);
        await _bot.SendAsync("/checkin");

        var reply = await _bot.SendAsync("/leaderboard");

        Assert.Equal(10, reply.Text.Split('\n').Length);
        Assert.StartsWith("1. user11 — 21 days", reply.Text, StringComparison.Ordinal);
        Assert.Equal("You're #13 of 13 with 1 day.", reply.Footer);
    }

    [Fact]
    public async Task Ties_share_a_rank()
    {
        await SeedAsync("a", 4, 0);
        await SeedAsync("b", 4, 0);
        await SeedAsync("c", 2, 0);

        var reply = await _bot.SendAsync("/leaderboard");

        Assert.Equal(["1. a — 4 days", "1. b — 4 days", "3. c — 2 days"], reply.Text.Split('\n'));
    }

    [Fact]
    public async Task Other_communities_are_not_listed()
    {
        await SeedAsync("stranger", 50, 0, community: "discord:999");

        var reply = await _bot.SendAsync("/leaderboard");

        Assert.DoesNotContain("stranger", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nobody has a running streak", reply.Text, StringComparison.Ordinal);
    }
}
