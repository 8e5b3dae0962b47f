using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Core.Tests.Commands;
using MentorBot.Core.Challenges;

namespace MentorBot.Core.Tests.Challenges;

public sealed class ChallengeCommandTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private Task<Reply> PostAsync(string due = "2026-12-01", Actor? actor = null) =>
        _bot.SendAsync($"/challenge post \"Build a URL shortener\" Make it fast due:{due}", actor ?? BotHarness.Mod);

    [Fact]
    public async Task Moderator_posts_a_challenge()
    {
        var reply = await PostAsync();

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.Equal("New challenge #1: Build a URL shortener", reply.Title);
        var challenge = Assert.Single(_bot.Challenges.All);
        Assert.Equal("Make it fast", challenge.Description);
        Assert.Equal(new DateOnly(2026, 12, 1), challenge.Due);
        Assert.Equal(BotHarness.Mod.Id, challenge.PostedBy);
        Assert.Equal(BotHarness.Community, challenge.Community);
    }

    [Fact]
    public async Task Non_moderator_cannot_post_and_nothing_is_stored()
    {
        var reply = await PostAsync(actor: BotHarness.Alice);

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.StartsWith("Only moderators can", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_bot.Challenges.All);
    }

    [Theory]
    [InlineData("2026-11-22")]
    [InlineData("next-week")]
    [InlineData("2026-13-01")]
    public async Task Past_or_malformed_due_dates_are_refused(string due)
    {
        var reply = await PostAsync(due);

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Empty(_bot.Challenges.All);
    }

    [Fact]
    public async Task Due_today_is_accepted()
    {
        Assert.Equal(ReplyKind.Success, (await PostAsync("2026-11-23")).Kind);
    }

    [Fact]
    public async Task Post_without_required_options_shows_usage()
    {
        var reply = await _bot.SendAsync("/challenge post OnlyATitle", BotHarness.Mod);

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Contains("Usage: /challenge post", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_bot.Challenges.All);
    }

    [Fact]
    public async Task List_shows_open_challenges_with_submission_counts()
    {
        await PostAsync();
        await _bot.SendAsync("/challenge submit id:1 link:https://github.com/alice/short");

        var reply = await _bot.SendAsync("/challenge list");

        Assert.Contains("#1 Build a URL shortener", reply.Text, StringComparison.Ordinal);
        Assert.Contains("due 2026-12-01", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1 submission", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_when_empty_says_so()
    {
        var reply = await _bot.SendAsync("/challenge list");
        Assert.Contains("no open challenges", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_stores_the_link_and_a_resubmission_replaces_it()
    {
        await PostAsync();

        var first = await _bot.SendAsync("/challenge submit id:1 link:https://github.com/alice/v1");
        var second = await _bot.SendAsync("/challenge submit 1 https://github.com/alice/v2");

        Assert.Equal(ReplyKind.Success, first.Kind);
        Assert.Contains("Updated", second.Text, StringComparison.Ordinal);
        var submission = Assert.Single(_bot.Challenges.Submissions);
        Assert.Equal("https://github.com/alice/v2", submission.Link);
        Assert.Equal("Alice", submission.DisplayName);
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a link")]
    [InlineData("github.com/alice")]
    public async Task Submit_refuses_non_web_links(string link)
    {
        await PostAsync();

        var reply = await _bot.RunAsync("challenge", subcommand: "submit", options: [("id", "1"), ("link", link)]);

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Empty(_bot.Challenges.Submissions);
    }

    [Fact]
    public async Task Submit_refuses_links_over_500_characters()
    {
        await PostAsync();

        var reply = await _bot.RunAsync("challenge", subcommand: "submit", options: [("id", "1"), ("link", "https://example.org/" + new string('a', 490))]);

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Empty(_bot.Challenges.Submissions);
    }

    [Fact]
    public async Task Unknown_challenge_id_is_refused()
    {
        var reply = await _bot.SendAsync("/challenge submit id:42 link:https://example.org");

        Assert.Equal("There is no challenge #42 in this community.", reply.Text);
        Assert.Equal(ReplyKind.Refusal, reply.Kind);
    }

    [Fact]
    public async Task Challenge_of_another_community_counts_as_unknown()
    {
        await PostAsync();
        var elsewhere = new CommandRequest("challenge", new Dictionary<string, string> { ["id"] = "1", ["link"] = "https://example.org" }, BotHarness.Alice, new CommunityId("discord", "other"))
        {
            Subcommand = "submit",
        };

        var reply = await _bot.Dispatcher.DispatchAsync(elsewhere);

        Assert.Equal("There is no challenge #1 in this community.", reply.Text);
        Assert.Empty(_bot.Challenges.Submissions);
    }

    [Fact]
    public async Task Non_numeric_id_is_refused()
    {
        var reply = await _bot.SendAsync("/challenge submit id:abc link:https://example.org");
        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Contains("whole number", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moderator_closes_and_sees_the_submissions()
    {
        await PostAsync();
        await _bot.SendAsync("/challenge submit id:1 link:https://github.com/alice/short");
        await _bot.SendAsync("/challenge submit id:1 link:https://github.com/bob/short", BotHarness.Bob);

        var reply = await _bot.SendAsync("/challenge close id:1", BotHarness.Mod);

        Assert.Equal(ReplyKind.Success, reply.Kind);
        Assert.Contains("Alice", reply.Text, StringComparison.Ordinal);
        Assert.Contains("https://github.com/bob/short", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(_bot.Challenges.All.Single().ClosedAt);
        Assert.Contains("no open challenges", (await _bot.SendAsync("/challenge list")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_challenge_takes_no_more_submissions_and_cannot_close_twice()
    {
        await PostAsync();
        await _bot.SendAsync("/challenge close id:1", BotHarness.Mod);

        var submit = await _bot.SendAsync("/challenge submit id:1 link:https://example.org");
        var close = await _bot.SendAsync("/challenge close id:1", BotHarness.Mod);

        Assert.Equal(ReplyKind.Refusal, submit.Kind);
        Assert.Equal(ReplyKind.Refusal, close.Kind);
        Assert.Contains("already closed", close.Text, StringComparison.Ordinal);
        Assert.Empty(_bot.Challenges.Submissions);
    }

    [Fact]
    public async Task Submit_is_refused_when_a_close_lands_between_its_lookup_and_its_write()
    {
        await PostAsync();
        _bot.Challenges.AfterGet = id => _bot.Challenges.TryCloseAsync(id, BotHarness.Start).GetAwaiter().GetResult();

        var submit = await _bot.SendAsync("/challenge submit id:1 link:https://example.org");

        Assert.Equal(ReplyKind.Refusal, submit.Kind);
        Assert.Equal("Challenge #1 is closed, so it no longer takes submissions.", submit.Text);
        Assert.Empty(_bot.Challenges.Submissions);
    }

    [Fact]
    public async Task Non_moderator_cannot_close()
    {
        await PostAsync();

        var reply = await _bot.SendAsync("/challenge close id:1");

        Assert.StartsWith("Only moderators can", reply.Text, StringComparison.Ordinal);
        Assert.Null(_bot.Challenges.All.Single().ClosedAt);
    }

    [Fact]
    public async Task Close_of_unknown_id_is_refused()
    {
        var reply = await _bot.SendAsync("/challenge close id:7", BotHarness.Mod);
        Assert.Equal("There is no challenge #7 in this community.", reply.Text);
    }

    // Issue 15: the console learner is called "you", and the reply began "you submitted to challenge #1".
    [Fact]
    public async Task A_submission_reply_starts_with_a_capital_even_when_the_name_does_not()
    {
        await PostAsync();
        var you = new Actor(new Identity.LearnerId("console", "local"), "you", false);

        var reply = await _bot.SendAsync("/challenge submit id:1 link:https://github.com/me/short", you);

        Assert.StartsWith("You submitted to challenge #1", reply.Text, StringComparison.Ordinal);
    }
}
