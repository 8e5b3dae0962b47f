using System.Net;
using System.Text.Json;
using MentorBot.Slack.Tests.Fakes;
using MentorBot.Testing.Slack;

namespace MentorBot.Slack.Tests.EndToEnd;

/// <summary>
/// /mydata on Slack, whole host in Http mode over a real LiteDB file: Slack has no ephemeral files, so the export is
/// uploaded with the v2 flow and shared only in the asker's DM with the bot, and the ephemeral reply says where.
/// </summary>
public sealed class MyDataTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0LEARNER"] = new FakeSlackUser("U0LEARNER", "ada", "America/Los_Angeles");
        _host = await RunningHost.StartAsync(_slack, SlackMode.Http, new Dictionary<string, string?> { ["Slack:AckBudget"] = "00:00:00.500" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private async Task<JsonElement> CommandAsync(string command, string text)
    {
        var responseUrl = _slack.NewResponseUrl();
        using var response = await _host.PostSignedAsync("/slack/commands", SlashForm.Form(command, text, "U0LEARNER", responseUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (!string.IsNullOrEmpty(body))
            return FakeSlack.Parse(body);
        var id = responseUrl.Segments.Last();
        await MentorBot.Testing.Wait.UntilAsync(() => _slack.ResponseUrlPosts.Any(p => p.Id == id), "a slow answer through response_url");
        return FakeSlack.Parse(_slack.ResponseUrlPosts.First(p => p.Id == id).Body.ToJsonString());
    }

    [Fact]
    public async Task Mydata_uploads_the_json_to_the_askers_dm_and_answers_ephemerally()
    {
        await CommandAsync("/checkin", "read about HTTP caching");

        var reply = await CommandAsync("/mydata", "");

        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        Assert.Contains("direct message", reply.GetProperty("text").GetString()!, StringComparison.Ordinal);
        var file = Assert.Single(_slack.Files.Values);
        Assert.Equal("D0LEARNER", file.SharedIn);
        Assert.StartsWith("mydata-slack-U0LEARNER-", file.FileName, StringComparison.Ordinal);
        Assert.Equal("application/json", file.ContentType);
        Assert.Equal(file.Length, file.Content!.Length);
        using var json = JsonDocument.Parse(file.Content);
        Assert.Equal("slack:U0LEARNER", json.RootElement.GetProperty("learner").GetString());
        var checkin = Assert.Single(json.RootElement.GetProperty("data").GetProperty("mentoring").GetProperty("checkins").EnumerateArray());
        Assert.Equal("read about HTTP caching", checkin.GetProperty("note").GetString());
        var upload = _slack.Calls.Single(c => c.Method == "files.getUploadURLExternal");
        Assert.Equal(FakeSlack.BotToken, upload.Token);
        Assert.StartsWith("application/x-www-form-urlencoded", upload.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_upload_is_said_in_the_reply_and_nothing_is_shared()
    {
        _slack.FailNext("files.getUploadURLExternal", new FakeSlackFailure(Error: "file_uploads_disabled"));

        var reply = await CommandAsync("/mydata", "");

        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        Assert.Contains("file_uploads_disabled", reply.GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.Empty(_slack.Files);
    }

    [Fact]
    public async Task Forget_asks_with_a_button_and_the_confirmation_deletes()
    {
        await CommandAsync("/checkin", "");

        var ask = await CommandAsync("/forget", "");
        Assert.Equal("ephemeral", ask.GetProperty("response_type").GetString());
        Assert.Contains("/forget confirm", ask.GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.Contains(ask.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("type").GetString() == "actions");
        var done = await CommandAsync("/forget", "confirm");

        Assert.Contains("Check-ins: 1 deleted", done.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }
}
