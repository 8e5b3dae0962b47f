using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Discord.Tests.Fakes;

namespace MentorBot.Discord.Tests.EndToEnd;

/// <summary>
/// /mydata on Discord through the real interaction path: the whole host in Gateway mode over a real LiteDB file, the
/// interaction dispatched by the fake Discord's Gateway, the answer sent to its REST API.
/// </summary>
public sealed class MyDataTests : IAsyncLifetime
{
    private const string User = "616161616161616161";
    private FakeDiscord _discord = null!;
    private HostHarness _host = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _discord.InteractionDeadline = TimeSpan.FromSeconds(30);
        _host = await HostHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Gateway",
            ["Discord:BotToken"] = FakeDiscord.BotToken,
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
        });
        await Wait.UntilAsync(() => _discord.SessionId is not null, "READY");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task Mydata_is_an_ephemeral_deferral_then_the_json_file_uploaded_as_files_0()
    {
        var checkin = _discord.NewCommandInteraction("checkin", [new JsonObject { ["name"] = "note", ["type"] = 3, ["value"] = "read about indexes" }], userId: User);
        await _discord.DispatchAsync(checkin);
        await Wait.UntilAsync(() => _discord.Callbacks(checkin.Id()).Any(), "check-in answered");

        var mydata = _discord.NewCommandInteraction("mydata", userId: User);
        await _discord.DispatchAsync(mydata);

        await Wait.UntilAsync(() => _discord.Callbacks(mydata.Id()).Any(), "mydata acknowledged");
        var callback = _discord.Callbacks(mydata.Id()).Single().Body;
        Assert.Equal(5, callback.GetProperty("type").GetInt32());
        Assert.Equal(64, callback.GetProperty("data").GetProperty("flags").GetInt32());

        var token = mydata["token"]!.GetValue<string>();
        await Wait.UntilAsync(() => _discord.Requests.Any(r => r.Method == "PATCH" && r.Path.Contains(token, StringComparison.Ordinal)), "the file upload");
        var edit = _discord.Requests.Single(r => r.Method == "PATCH" && r.Path.Contains(token, StringComparison.Ordinal));
        Assert.Equal(200, edit.Status);
        Assert.StartsWith("multipart/form-data", edit.ContentType, StringComparison.Ordinal);
        Assert.Equal(0, edit.Body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var attachment = Assert.Single(edit.Body.GetProperty("attachments").EnumerateArray());
        var file = Assert.Single(edit.Files);
        Assert.Equal("files[0]", file.Field);
        Assert.Equal(attachment.GetProperty("filename").GetString(), file.FileName);
        Assert.StartsWith($"mydata-discord-{User}-", file.FileName, StringComparison.Ordinal);
        Assert.Equal("application/json", file.ContentType);

        using var json = JsonDocument.Parse(file.Content);
        Assert.Equal($"discord:{User}", json.RootElement.GetProperty("learner").GetString());
        var checkins = json.RootElement.GetProperty("data").GetProperty("mentoring").GetProperty("checkins");
        Assert.Equal("read about indexes", Assert.Single(checkins.EnumerateArray()).GetProperty("note").GetString());
    }
}
