using MentorBot.Core.Commands;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Core.Tests.Commands;

namespace MentorBot.Core.Tests.Streaks;

public sealed class StreakCommandTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private static string Field(Reply reply, string name) => reply.Fields.Single(f => f.Name == name).Value;

    [Fact]
    public async Task Shows_the_callers_streak_only_to_them()
    {
        await _bot.SendAsync("/checkin");
        await _bot.SendAsync("/task done");
        _bot.Time.Advance(TimeSpan.FromDays(1));
        await _bot.SendAsync("/checkin");

        var reply = await _bot.SendAsync("/streak");

        Assert.Equal(ReplyVisibility.OnlyYou, reply.Visibility);
        Assert.Equal("2 days", Field(reply, "Current"));
        Assert.Equal("2 days", Field(reply, "Longest"));
        Assert.Equal("1 week", Field(reply, "Weekly streak"));
        Assert.Equal("1 of 2", Field(reply, "Freezes"));
        Assert.StartsWith(string.Concat(Enumerable.Repeat("⬜", 11)) + "⭐", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_another_learners_streak_by_user_id_or_mention()
    {
        await _bot.SendAsync("/checkin", BotHarness.Bob);

        var byId = await _bot.SendAsync("/streak bob");
        var byMention = await _bot.SendAsync("/streak <@bob>");

        Assert.Equal("Bob's streak", byId.Title);
        Assert.Equal("1 day", Field(byId, "Current"));
        Assert.Equal("Bob's streak", byMention.Title);
    }

    [Fact]
    public async Task Learner_without_history_gets_a_friendly_message()
    {
        var self = await _bot.SendAsync("/streak");
        var other = await _bot.SendAsync("/streak nobody");

        Assert.Contains("/checkin", self.Text, StringComparison.Ordinal);
        Assert.Contains("hasn't checked in yet", other.Text, StringComparison.Ordinal);
        Assert.NotEqual(ReplyKind.Refusal, other.Kind);
    }

    [Fact]
    public async Task Streak_seen_later_accounts_for_missed_days()
    {
        await _bot.SendAsync("/checkin");
        _bot.Time.Advance(TimeSpan.FromDays(3));

        var reply = await _bot.SendAsync("/streak");

        Assert.Equal("0 days", Field(reply, "Current"));
        Assert.Equal("1 day", Field(reply, "Longest"));
    }

    // Issue 15: the leaderboard shows the console learner as "you"; /streak you said that learner hadn't checked in.
    [Theory]
    [InlineData("/streak you")]
    [InlineData("/streak @You")]
    public async Task Naming_yourself_as_the_leaderboard_shows_you_gives_your_own_streak(string line)
    {
        var you = new Actor(new Identity.LearnerId("console", "local"), "you", false);
        await _bot.SendAsync("/checkin", you);

        var reply = await _bot.SendAsync(line, you);

        Assert.Equal("Your streak", reply.Title);
        Assert.Equal("1 day", Field(reply, "Current"));
    }
}
