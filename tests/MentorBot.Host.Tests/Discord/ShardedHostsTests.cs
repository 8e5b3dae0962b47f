using MentorBot.Discord.Gateway;
using MentorBot.Discord.Postgres;
using MentorBot.Discord.Rest;
using MentorBot.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Tests.Discord;

/// <summary>
/// One bot split over two hosts on one PostgreSQL database: each host runs one Gateway shard, and the database makes
/// them take identify turns, so the fake Discord (which refuses a second identify of a bucket within 5 s) sees none
/// refused even though both hosts start at the same moment.
/// </summary>
public sealed class ShardedHostsTests : FakeDiscordOnPostgres
{
    [Fact]
    public async Task Two_hosts_on_one_database_take_identify_turns_and_send_through_the_shared_global_limit()
    {
        Discord.MaxConcurrency = 1;
        await using var first = Build("0");
        await using var second = Build("1");
        Assert.Null(StartupCheck.Run(first.Services));
        Assert.Null(StartupCheck.Run(second.Services));
        Assert.IsType<PostgresIdentifyGate>(first.Services.GetRequiredService<IIdentifyGate>());
        Assert.IsType<PostgresGlobalRateLimit>(first.Services.GetRequiredService<ISharedGlobalRateLimit>());

        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        await Wait.UntilAsync(() => Discord.ShardsWithSessions().Count >= 2, "both shards READY within 30 s", 30000);

        var log = Discord.IdentifyLog;
        Assert.Equal(0, Discord.IdentifyViolations);
        Assert.Equal(2, log.Count);
        Assert.Equal([0, 1], log.Select(i => i.ShardId).Order());
        Assert.True(Math.Abs(log[1].AtMs - log[0].AtMs) >= 5000, $"identifies {Math.Abs(log[1].AtMs - log[0].AtMs)} ms apart");
        // Command registration went through the shared limiter to Discord.
        Assert.Contains(Discord.Requests, r => r.Path == "/api/v10/gateway/bot");
        await Wait.UntilAsync(() => Discord.Requests.Count(r => r.Path.EndsWith("/commands", StringComparison.Ordinal)) >= 2, "both hosts asked for the registered commands", 10000);
        await first.StopAsync();
        await second.StopAsync();
    }

    private WebApplication Build(string shardIds)
    {
        var settings = HostSettings();
        settings["Discord:Mode"] = "Gateway";
        // Gateway mode takes interactions over the socket and needs no public key; one left in would test another setup.
        settings.Remove("Discord:PublicKey");
        settings["Discord:ShardCount"] = "2";
        settings["Discord:ShardIds"] = shardIds;
        return BuildHost(settings);
    }
}
