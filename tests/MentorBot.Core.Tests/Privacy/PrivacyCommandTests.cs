using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Core.Privacy;
using MentorBot.Core.Tests.Fakes;

namespace MentorBot.Core.Tests.Privacy;

/// <summary>/mydata and /forget through the real dispatcher, on the fake clock.</summary>
public sealed class PrivacyCommandTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private async Task SeedAliceAsync()
    {
        Assert.Equal(ReplyKind.Success, (await _bot.SendAsync("/checkin")).Kind);
        await _bot.SendAsync("/challenge post \"Open one\" Build it 2026-12-31", BotHarness.Mod);
        await _bot.SendAsync("/challenge post \"Closed one\" Build it 2026-12-31", BotHarness.Mod);
        Assert.Equal(ReplyKind.Success, (await _bot.SendAsync("/challenge submit 1 https://example.com/alice")).Kind);
        Assert.Equal(ReplyKind.Success, (await _bot.SendAsync("/challenge submit 2 https://example.com/alice")).Kind);
        Assert.Equal(ReplyKind.Success, (await _bot.SendAsync("/challenge submit 2 https://example.com/bob", BotHarness.Bob)).Kind);
        Assert.Equal(ReplyKind.Success, (await _bot.SendAsync("/challenge close 2", BotHarness.Mod)).Kind);
    }

    [Fact]
    public async Task Mydata_is_a_private_json_attachment_with_the_documented_shape()
    {
        await SeedAliceAsync();

        var reply = await _bot.SendAsync("/mydata");

        Assert.Equal(ReplyVisibility.OnlyYou, reply.Visibility);
        var file = Assert.IsType<ReplyAttachment>(reply.Attachment);
        Assert.Equal("application/json", file.MediaType);
        Assert.Equal("mydata-console-alice-20261123T120000Z.json", file.FileName);
        var text = System.Text.Encoding.UTF8.GetString(file.Content);
        Assert.Contains("\n  \"format\"", text, StringComparison.Ordinal); // indented
        using var json = JsonDocument.Parse(file.Content);
        var root = json.RootElement;
        Assert.Equal(PrivacyService.ExportFormat, root.GetProperty("format").GetString());
        Assert.Equal("console:alice", root.GetProperty("learner").GetString());
        Assert.Equal("2026-11-23T12:00:00Z", root.GetProperty("exportedAt").GetString());
        var mentoring = root.GetProperty("data").GetProperty("mentoring");
        Assert.Equal("Alice", mentoring.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal("2026-11-23", mentoring.GetProperty("checkins")[0].GetProperty("date").GetString());
        Assert.Equal(2, mentoring.GetProperty("challengeSubmissions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, mentoring.GetProperty("subscription").ValueKind);
        Assert.DoesNotContain("console:bob", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mydata_of_someone_unknown_creates_no_profile()
    {
        var reply = await _bot.SendAsync("/mydata", BotHarness.Carol);

        Assert.NotNull(reply.Attachment);
        Assert.Empty(_bot.Learners.All);
    }

    [Fact]
    public async Task Forget_asks_first_and_deletes_nothing_until_confirmed()
    {
        await SeedAliceAsync();

        var ask = await _bot.SendAsync("/forget");

        Assert.Equal(ReplyVisibility.OnlyYou, ask.Visibility);
        Assert.Contains("/forget confirm", ask.Text, StringComparison.Ordinal);
        Assert.Contains("5 minutes", ask.Text, StringComparison.Ordinal);
        var button = Assert.Single(ask.FollowUps);
        Assert.Equal("forget", button.Command);
        Assert.Equal("confirm", button.Options["confirm"]);
        Assert.NotNull(await _bot.Learners.GetAsync(BotHarness.Alice.Id));
        Assert.Single(_bot.Activity.Checkins);
    }

    [Fact]
    public async Task Confirmed_forget_deletes_and_anonymises_and_says_how_much()
    {
        await SeedAliceAsync();
        await _bot.SendAsync("/forget");
        _bot.Time.Advance(TimeSpan.FromMinutes(4));

        var done = await _bot.SendAsync("/forget confirm");

        Assert.Equal(ReplyKind.Success, done.Kind);
        Assert.Equal(ReplyVisibility.OnlyYou, done.Visibility);
        Assert.Contains("Check-ins: 1 deleted.", done.Text, StringComparison.Ordinal);
        Assert.Contains("Learner profile: 1 deleted.", done.Text, StringComparison.Ordinal);
        Assert.Contains("Challenge submissions: 1 deleted; 1 kept on closed challenges as \"former learner\"", done.Text, StringComparison.Ordinal);
        Assert.Null(await _bot.Learners.GetAsync(BotHarness.Alice.Id));
        Assert.Empty(_bot.Activity.Checkins);
        Assert.Equal(2, _bot.Challenges.Submissions.Count(s => s.ChallengeId == 2));
        Assert.DoesNotContain(_bot.Challenges.Submissions, s => s.Learner == BotHarness.Alice.Id);

        // The request is used up: confirming again does nothing.
        Assert.Equal(ReplyKind.Refusal, (await _bot.SendAsync("/forget confirm")).Kind);
    }

    [Fact]
    public async Task A_confirmation_after_five_minutes_has_expired_and_deletes_nothing()
    {
        await SeedAliceAsync();
        await _bot.SendAsync("/forget");
        _bot.Time.Advance(PrivacyService.ConfirmationWindow + TimeSpan.FromSeconds(1));

        var late = await _bot.SendAsync("/forget confirm");

        Assert.Equal(ReplyKind.Refusal, late.Kind);
        Assert.Contains("nothing was deleted", late.Text, StringComparison.Ordinal);
        Assert.NotNull(await _bot.Learners.GetAsync(BotHarness.Alice.Id));
        Assert.Single(_bot.Activity.Checkins);
    }

    [Fact]
    public async Task Confirm_without_a_request_deletes_nothing()
    {
        await SeedAliceAsync();

        var reply = await _bot.SendAsync("/forget confirm");

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.NotNull(await _bot.Learners.GetAsync(BotHarness.Alice.Id));
    }

    [Fact]
    public async Task A_moderator_cannot_confirm_a_learners_request_or_name_someone_else()
    {
        await SeedAliceAsync();
        await _bot.SendAsync("/forget");

        // The moderator's confirm is about the moderator, who asked for nothing; an extra user option is ignored.
        var byMod = await _bot.RunAsync("forget", BotHarness.Mod, null, ("confirm", "confirm"), ("user", BotHarness.Alice.Id.UserId));

        Assert.Equal(ReplyKind.Refusal, byMod.Kind);
        Assert.NotNull(await _bot.Learners.GetAsync(BotHarness.Alice.Id));
        Assert.Single(_bot.Activity.Checkins);
        // Alice's own request still stands.
        Assert.Equal(ReplyKind.Success, (await _bot.SendAsync("/forget confirm")).Kind);
    }

    [Fact]
    public async Task A_forgotten_learner_who_comes_back_starts_fresh()
    {
        await SeedAliceAsync();
        await _bot.SendAsync("/forget");
        await _bot.SendAsync("/forget confirm");

        var streak = await _bot.SendAsync("/streak");
        var checkin = await _bot.SendAsync("/checkin");

        Assert.Contains("You haven't checked in yet", streak.Text, StringComparison.Ordinal);
        Assert.Contains("Streak: 1 day", checkin.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_confirm_word_is_refused()
    {
        await _bot.SendAsync("/checkin");
        await _bot.SendAsync("/forget");

        var reply = await _bot.SendAsync("/forget yes");

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.NotNull(await _bot.Learners.GetAsync(BotHarness.Alice.Id));
    }
}
