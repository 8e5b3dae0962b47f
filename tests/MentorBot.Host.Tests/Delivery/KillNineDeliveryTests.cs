using System.Globalization;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Host.Tests.Support;
using MentorBot.Storage.LiteDb;
using MentorBot.Testing.Discord;
using Xunit.Abstractions;

namespace MentorBot.Host.Tests.Delivery;

/// <summary>
/// Issue 5's crash test on a real process: the host delivers a large weekly run through DiscordMessenger to the fake
/// Discord on loopback, is killed with SIGKILL a third of the way in (while the fake holds back the confirmation of a
/// message it has created), and is restarted on the same database file. The fake counts
/// the messages that exist (an enforced nonce seen again creates none), so a resend after the crash is harmless and
/// a real duplicate or a lost delivery shows.
/// </summary>
public sealed class KillNineDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Learners = 2000;
    private const int KillAfterMessages = Learners / 3;
    private static readonly CommunityId Guild = new("discord", "333333333333333333");

    // A process crash loses nothing that reached the page cache, so a RAM disk tests the same thing as a disk and
    // spares a loaded machine a few thousand flushes; the folder is still a real LiteDB file.
    private readonly TempFolder _temp = Directory.Exists("/dev/shm") ? new TempFolder("/dev/shm") : new TempFolder();
    private FakeDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Killed_mid_run_and_restarted_on_the_same_file_every_learner_gets_exactly_one_message()
    {
        var users = Enumerable.Range(0, Learners).Select(i => (100_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        await SeedAsync(users);

        // The message after the threshold is created but its response held back: the host is killed after Discord
        // took the send and before the host could mark it, the window only the nonce protects.
        _discord.HoldResponsesAfter(KillAfterMessages);
        using (var first = BuiltHost.Start(_temp.Path, Environment()))
        {
            await FakeDiscordHost.UntilAsync(() => _discord.HeldResponses > 0 || first.HasExited, $"{KillAfterMessages} messages before the kill", first);
            Assert.False(first.HasExited, "the host exited by itself:\n" + first.Output);
            await first.KillAsync();
        }
        _discord.ReleaseHeldResponses();
        var atKill = _discord.CreatedMessages;
        Assert.True(atKill < Learners, $"the first host sent all {atKill} messages before it was killed; nothing was left to recover");

        using (var second = BuiltHost.Start(_temp.Path, Environment()))
        {
            await FakeDiscordHost.UntilAsync(() => _discord.CreatedMessages >= Learners || second.HasExited, $"all {Learners} messages after the restart", second);
            // Let anything still in flight (a duplicate would be) arrive: the run is over when no create came for a while.
            await FakeDiscordHost.QuietAsync(_discord, TimeSpan.FromSeconds(5), second);
            Assert.False(second.HasExited, "the restarted host exited by itself:\n" + second.Output);
            await second.KillAsync();
        }

        output.WriteLine($"{atKill} messages before the kill, {_discord.CreatedMessages - atKill} after; " +
            $"{_discord.NonceReplays} resends absorbed by the nonce, {_discord.Requests.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal))} message requests");

        DeliveryAssert.ExactlyOneMessageEach(_discord, users);
        Assert.True(_discord.NonceReplays >= 1, "the send whose confirmation the crash swallowed was not resent with its nonce");

        using var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = _temp.DatabasePath });
        await DeliveryAssert.EveryDeliverySentAsync(new LiteDbDeliveryOutbox(context), Guild, Learners);
    }

    /// <summary>The start-up catch-up sends them all at once.</summary>
    private async Task SeedAsync(List<string> users)
    {
        using var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = _temp.DatabasePath });
        await new LiteDbSubscriptionStore(context).UpsertManyAsync(DueSubscriptions.JustPassed(users, Guild, TimeProvider.System.GetUtcNow()));
    }

    private Dictionary<string, string> Environment()
    {
        var settings = FakeDiscordHost.HttpSettings(_discord);
        settings["Storage:DatabasePath"] = _temp.DatabasePath;
        settings["Discord:GlobalRequestsPerSecond"] = "1000";
        settings["Delivery:PollInterval"] = "00:00:01";
        settings["Delivery:InitialRetryDelay"] = "00:00:01";
        return FakeDiscordHost.AsEnvironment(settings);
    }
}
