using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using MentorBot.Discord.Gateway;
using MentorBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Discord.Tests.Gateway;

/// <summary>Shards split over hosts, against the fake Gateway's per-shard sessions and identify rule.</summary>
public sealed class ShardingTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task Two_hosts_with_one_shard_each_receive_only_their_guilds_interactions()
    {
        // Two buckets, so both shards may identify at once.
        _discord.MaxConcurrency = 2;
        var (first, second) = await StartTwoAsync();
        await using var firstHost = first;
        await using var secondHost = second;
        await Wait.UntilAsync(() => _discord.ShardsWithSessions().Count == 2, "both shards READY", 20000);

        var onShard0 = Enumerable.Range(0, 3).Select(n => Faq(FakeDiscord.GuildOnShard(0, 2, n))).ToList();
        var onShard1 = Enumerable.Range(0, 3).Select(n => Faq(FakeDiscord.GuildOnShard(1, 2, n))).ToList();
        foreach (var interaction in onShard0.Concat(onShard1))
            Assert.Single(await _discord.DispatchAsync(interaction));
        foreach (var interaction in onShard0.Concat(onShard1))
            await Wait.UntilAsync(() => _discord.Callbacks(interaction.Id()).Any(), "callback of " + interaction.Id());

        var shard0 = Assert.Single(first.Services.GetRequiredService<GatewayShards>().Shards);
        var shard1 = Assert.Single(second.Services.GetRequiredService<GatewayShards>().Shards);
        Assert.Equal(new ShardInfo(0, 2), shard0.Shard);
        Assert.Equal(new ShardInfo(1, 2), shard1.Shard);
        Assert.All(onShard0, i => Assert.True(shard0.Received(i.Id()) && !shard1.Received(i.Id()), "guild of shard 0 went elsewhere"));
        Assert.All(onShard1, i => Assert.True(shard1.Received(i.Id()) && !shard0.Received(i.Id()), "guild of shard 1 went elsewhere"));
        Assert.All(onShard0.Concat(onShard1), i => Assert.Single(_discord.Callbacks(i.Id())));

        var shards = _discord.ClientFrames.Where(f => f.GetProperty("op").GetInt32() == 2)
            .Select(f => f.GetProperty("d").GetProperty("shard")).Select(s => (s[0].GetInt32(), s[1].GetInt32())).Order().ToList();
        Assert.Equal([(0, 2), (1, 2)], shards);
        Assert.Equal(0, _discord.IdentifyViolations);
    }

    [Fact]
    public async Task One_host_runs_the_recommended_shards_and_each_resumes_on_its_own()
    {
        _discord.RecommendedShards = 2;
        _discord.MaxConcurrency = 2;
        _discord.InteractionDeadline = TimeSpan.FromSeconds(30);
        await using var host = await StartHostAsync(null, null);
        await Wait.UntilAsync(() => _discord.ShardsWithSessions().Count == 2, "both shards READY", 20000);
        var status = host.Services.GetRequiredService<DiscordAdapterStatus>();
        await Wait.UntilAsync(() => status.Connected, "connected");

        _discord.DropConnection(1);
        var during = Faq(FakeDiscord.GuildOnShard(1, 2));
        await _discord.DispatchAsync(during);
        await Wait.UntilAsync(() => _discord.ResumeCount == 1, "shard 1 resumes");
        await Wait.UntilAsync(() => _discord.Callbacks(during.Id()).Any(), "event missed while away is replayed");

        var stillThere = Faq(FakeDiscord.GuildOnShard(0, 2));
        await _discord.DispatchAsync(stillThere);
        await Wait.UntilAsync(() => _discord.Callbacks(stillThere.Id()).Any(), "shard 0 unaffected");
        Assert.Equal(2, _discord.Identifies);
        Assert.Equal(1, _discord.ResumeCount);
    }

    [Fact]
    public async Task Shards_of_one_bucket_identify_five_seconds_apart()
    {
        _discord.MaxConcurrency = 1;
        await using var host = await StartHostAsync("2", null);
        await Wait.UntilAsync(() => _discord.ShardsWithSessions().Count == 2, "both shards READY", 30000);

        var log = _discord.IdentifyLog;
        Assert.Equal(2, log.Count);
        Assert.True(log[1].AtMs - log[0].AtMs >= 5000, $"identifies {log[1].AtMs - log[0].AtMs} ms apart");
        Assert.Equal(0, _discord.IdentifyViolations);
    }

    [Fact]
    public async Task Fake_refuses_a_second_identify_of_one_bucket_within_five_seconds()
    {
        // Two hosts that do not share an identify gate: each thinks its shard may go at once.
        _discord.MaxConcurrency = 1;
        var (first, second) = await StartTwoAsync();
        await using var firstHost = first;
        await using var secondHost = second;

        await Wait.UntilAsync(() => _discord.IdentifyViolations >= 1, "refused identify");
        // The refused shard is told op 9 and identifies again after its own gate's interval.
        await Wait.UntilAsync(() => _discord.ShardsWithSessions().Count == 2, "both shards READY in the end", 30000);
    }

    [Fact]
    public async Task Fake_closes_an_identify_with_an_invalid_shard_with_4010()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{_discord.BaseAddress.Authority}/gateway?v=10&encoding=json"), CancellationToken.None);
        var buffer = new byte[4096];
        await socket.ReceiveAsync(buffer, CancellationToken.None);
        var identify = new JsonObject
        {
            ["op"] = 2,
            ["d"] = new JsonObject
            {
                ["token"] = FakeDiscord.BotToken,
                ["intents"] = 0,
                ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "test", ["device"] = "test" },
                ["shard"] = new JsonArray(2, 2),
            },
        };
        await socket.SendAsync(Encoding.UTF8.GetBytes(identify.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(buffer, timeout.Token);

        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(4010, (int)result.CloseStatus!.Value);
        Assert.Empty(_discord.ShardsWithSessions());
    }

    /// <summary>Both hosts start together, as a fleet restarting would, so their first identifies meet.</summary>
    private async Task<(HostHarness First, HostHarness Second)> StartTwoAsync()
    {
        var first = StartHostAsync("2", "0");
        var second = StartHostAsync("2", "1");
        await Task.WhenAll(first, second);
        return (await first, await second);
    }

    private JsonObject Faq(string guildId) =>
        _discord.NewCommandInteraction("faq", [new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "do I need a degree" }], guildId: guildId);

    private Task<HostHarness> StartHostAsync(string? shardCount, string? shardIds) =>
        HostHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Gateway",
            ["Discord:BotToken"] = FakeDiscord.BotToken,
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
            ["Discord:ShardCount"] = shardCount,
            ["Discord:ShardIds"] = shardIds,
        });
}
