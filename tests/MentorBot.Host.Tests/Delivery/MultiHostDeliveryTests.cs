using System.Globalization;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Host.Tests.Support;
using MentorBot.Storage.Postgres;
using Xunit.Abstractions;

namespace MentorBot.Host.Tests.Delivery;

/// <summary>
/// Issue 6's CI test: three real host processes on one PostgreSQL database share a weekly run for thousands of
/// learners through the fake Discord; one is killed with SIGKILL a third of the way in. Its claimed deliveries go back
/// to the others when their lease expires, and the fake counts every learner's message exactly once.
/// </summary>
public sealed class MultiHostDeliveryTests(ITestOutputHelper output) : FakeDiscordOnPostgres, IDisposable
{
    private const int Learners = 3000;
    private const int Hosts = 3;
    private static readonly CommunityId Guild = new("discord", "333333333333333333");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Three_hosts_on_one_database_one_killed_deliver_every_message_exactly_once()
    {
        var users = Enumerable.Range(0, Learners).Select(i => (200_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        await SeedAsync(users);

        var hosts = Enumerable.Range(0, Hosts).Select(i => BuiltHost.Start(_temp.Path, Environment(i))).ToList();
        try
        {
            var victim = hosts[0];
            await FakeDiscordHost.UntilAsync(() => Discord.CreatedMessages >= Learners / 3 || hosts.Any(h => h.HasExited), $"{Learners / 3} messages before the kill", victim);
            Assert.All(hosts, h => Assert.False(h.HasExited, "a host exited by itself:\n" + h.Output));
            await victim.KillAsync();
            var atKill = Discord.CreatedMessages;

            await FakeDiscordHost.UntilAsync(() => Discord.CreatedMessages >= Learners || hosts.Skip(1).Any(h => h.HasExited), $"all {Learners} messages", hosts[1]);
            await FakeDiscordHost.QuietAsync(Discord, TimeSpan.FromSeconds(5), hosts[1]);
            Assert.All(hosts.Skip(1), h => Assert.False(h.HasExited, "a surviving host exited by itself:\n" + h.Output));
            output.WriteLine($"{atKill} messages when host 0 was killed, {Discord.CreatedMessages} in the end; {Discord.NonceReplays} resends absorbed by the nonce");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.KillAsync();
                host.Dispose();
            }
        }

        DeliveryAssert.ExactlyOneMessageEach(Discord, users);
        await using var storage = new PostgresStorage(new PostgresStorageOptions { ConnectionString = ConnectionString });
        await DeliveryAssert.EveryDeliverySentAsync(new PostgresDeliveryOutbox(storage), Guild, Learners);
    }

    /// <summary>Each host's start-up catch-up finds them due.</summary>
    private async Task SeedAsync(List<string> users)
    {
        await using var storage = new PostgresStorage(new PostgresStorageOptions { ConnectionString = ConnectionString });
        await DueSubscriptions.UpsertAsync(new PostgresSubscriptionStore(storage), DueSubscriptions.JustPassed(users, Guild, TimeProvider.System.GetUtcNow()));
    }

    private Dictionary<string, string> Environment(int host)
    {
        var settings = HostSettings();
        settings["Discord:GlobalRequestsPerSecond"] = "1000";
        settings["Delivery:HostId"] = $"host-{host}";
        // The killed host's claims come back after this; short, so the test need not wait the default two minutes.
        settings["Delivery:ClaimLease"] = "00:00:10";
        settings["Delivery:PollInterval"] = "00:00:01";
        settings["Delivery:InitialRetryDelay"] = "00:00:01";
        return FakeDiscordHost.AsEnvironment(settings);
    }
}
