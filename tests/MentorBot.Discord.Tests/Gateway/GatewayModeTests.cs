using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Discord.Commands;
using MentorBot.Discord.Gateway;
using MentorBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Discord.Tests.Gateway;

/// <summary>
/// The whole host in Gateway mode against the fake Discord's Gateway and REST API, over real loopback sockets: the
/// integration check. The protocol's timing (heartbeats, zombies, op 7/9, backoff) is pinned on a fake clock in
/// <see cref="GatewayScriptedTests"/>.
/// </summary>
public sealed class GatewayModeTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task Command_typed_in_discord_reaches_the_core_and_the_reply_arrives_at_the_callback()
    {
        await using var host = await StartHostAsync();
        await Wait.UntilAsync(() => _discord.SessionId is not null, "READY");
        var status = host.Services.GetRequiredService<DiscordAdapterStatus>();
        await Wait.UntilAsync(() => status.Connected, "connected after READY");
        using (var health = JsonDocument.Parse(await new HttpClient().GetStringAsync(new Uri(host.BaseAddress, "/healthz"))))
        {
            var adapter = Assert.Single(health.RootElement.GetProperty("adapters").EnumerateArray());
            Assert.Equal("discord", adapter.GetProperty("name").GetString());
            Assert.True(adapter.GetProperty("connected").GetBoolean());
        }

        var interaction = FaqInteraction();
        await _discord.DispatchAsync(interaction);

        var callback = await CallbackAsync(interaction);
        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        Assert.Equal(0, callback.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Contains("degree", callback.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);

        var identify = _discord.ClientFrames.First(f => f.GetProperty("op").GetInt32() == 2).GetProperty("d");
        Assert.Equal(0, identify.GetProperty("intents").GetInt32());
        Assert.Equal(FakeDiscord.BotToken, identify.GetProperty("token").GetString());
        Assert.Contains("v=10&encoding=json", _discord.GatewayPaths.First(), StringComparison.Ordinal);
        var gatewayBot = _discord.Requests.First(r => r.Path == "/api/v10/gateway/bot");
        Assert.Equal("Bot " + FakeDiscord.BotToken, gatewayBot.Authorization);
        Assert.StartsWith("DiscordBot (", gatewayBot.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_are_registered_once_and_not_again_when_identical()
    {
        await using (var first = await StartHostAsync())
            await Wait.UntilAsync(() => _discord.CommandOverwrites == 1, "first registration");
        await using (var second = await StartHostAsync())
        {
            // Registration is one pass: once it has finished, a PUT it was going to make has been made.
            await second.Services.GetRequiredService<CommandRegistrar>().ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(2, _discord.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/commands", StringComparison.Ordinal)));
        }
        Assert.Equal(1, _discord.CommandOverwrites);
        var put = _discord.Requests.Single(r => r.Method == "PUT");
        Assert.Contains(put.Body.EnumerateArray(), c => c.GetProperty("name").GetString() == "faq");
    }

    [Fact]
    public async Task Dropped_connection_resumes_and_no_event_is_lost_or_handled_twice()
    {
        _discord.ResumeReplayOverlap = 1;
        _discord.InteractionDeadline = TimeSpan.FromSeconds(30);
        await using var host = await StartHostAsync();
        await Wait.UntilAsync(() => _discord.SessionId is not null, "READY");

        var before = FaqInteraction();
        await _discord.DispatchAsync(before);
        await CallbackAsync(before);

        _discord.DropConnection();
        var during = FaqInteraction();
        await _discord.DispatchAsync(during);

        await Wait.UntilAsync(() => _discord.ResumeCount == 1, "resume");
        await CallbackAsync(during);
        var after = FaqInteraction();
        await _discord.DispatchAsync(after);
        await CallbackAsync(after);
        // Stopping drains the background work, so every answer the bot was going to send has been sent.
        await host.App.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Single(_discord.Callbacks(before.Id()));
        Assert.Single(_discord.Callbacks(during.Id()));
        Assert.Single(_discord.Callbacks(after.Id()));
        Assert.Equal(1, _discord.Identifies);
        Assert.StartsWith("/resume", _discord.GatewayPaths.Last(), StringComparison.Ordinal);
        var resume = _discord.ClientFrames.Single(f => f.GetProperty("op").GetInt32() == 6).GetProperty("d");
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.True(resume.GetProperty("seq").GetInt64() >= 2);
    }

    [Fact]
    public async Task Unreadable_mode_stops_startup_with_the_key_named()
    {
        using var host = HostHarness.BuildOnly(new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Websocket",
            ["Discord:BotToken"] = FakeDiscord.BotToken,
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
        });

        var problem = MentorBot.Host.StartupCheck.Run(host.Services);

        Assert.NotNull(problem);
        Assert.Contains("Discord", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_code_4004_stops_the_adapter_without_reconnecting()
    {
        _discord.CloseOnIdentify = 4004;
        await using var host = await StartHostAsync();
        var gateway = host.Services.GetRequiredService<GatewayShards>();

        // The shards' run ends only when no shard will reconnect: that is the proof, not a wait.
        await gateway.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(4004, gateway.FatalCloseCode);

        Assert.False(host.Services.GetRequiredService<DiscordAdapterStatus>().Connected);

        Assert.Equal(1, _discord.Connections);
        Assert.Equal(1, _discord.Identifies);
    }

    [Fact]
    public async Task Rejected_token_at_gateway_bot_stops_the_adapter_without_connecting()
    {
        await using var host = await StartHostAsync(new() { ["Discord:BotToken"] = "wrong-token" });
        var gateway = host.Services.GetRequiredService<GatewayShards>();

        await Wait.UntilAsync(() => gateway.FatalCloseCode == CloseCodes.AuthenticationFailed, "fatal stop on 401");

        Assert.Equal(0, _discord.Connections);
        var health = await new HttpClient().GetAsync(new Uri(host.BaseAddress, "/healthz"));
        Assert.True(health.IsSuccessStatusCode, "the host keeps running when the Discord adapter stops");
    }

    private JsonObject FaqInteraction() =>
        _discord.NewCommandInteraction("faq", [new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "do I need a CS degree" }]);

    private async Task<JsonElement> CallbackAsync(JsonObject interaction)
    {
        var id = interaction.Id();
        await Wait.UntilAsync(() => _discord.Callbacks(id).Any(), "callback of " + id);
        return _discord.Callbacks(id).First().Body;
    }

    private Task<HostHarness> StartHostAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Gateway",
            ["Discord:BotToken"] = FakeDiscord.BotToken,
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
        };
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        return HostHarness.StartAsync(settings);
    }
}
