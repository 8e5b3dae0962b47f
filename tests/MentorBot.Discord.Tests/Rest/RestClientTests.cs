using System.Diagnostics;
using System.Net;
using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Discord.Rendering;
using MentorBot.Discord.Rest;
using MentorBot.Discord.Tests.Fakes;
using MentorBot.Storage.LiteDb;
using Microsoft.Extensions.Time.Testing;
using MentorBot.Core.Challenges;

namespace MentorBot.Discord.Tests.Rest;

/// <summary>The REST client and the outbound messenger against the fake Discord over loopback.</summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private HttpClient _http = null!;
    private DiscordRestClient _rest = null!;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mentorbot-discord-rest-" + Guid.NewGuid().ToString("N"));
    private LiteDbContext _database = null!;
    private LiteDbDirectChannelStore _channels = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _http = new HttpClient();
        _rest = Client(FakeDiscord.BotToken);
        _database = OpenDatabase();
        _channels = new LiteDbDirectChannelStore(_database);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _discord.DisposeAsync();
        _database.Dispose();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private LiteDbContext OpenDatabase() => new(new LiteDbStorageOptions { DatabasePath = Path.Combine(_directory, "mentorbot.db") });

    [Fact]
    public async Task A_restarted_messenger_takes_the_dm_channel_from_storage()
    {
        var learner = new LearnerId("discord", "4343");
        var reply = new Reply { Text = "Week 1" };
        Assert.Equal(DeliveryStatus.Delivered, (await new DiscordMessenger(_rest, _channels).SendDirectAsync(learner, reply, new OutboundAttempt("w1", DateTimeOffset.UnixEpoch, false), CancellationToken.None)).Status);

        _database.Dispose();
        _database = OpenDatabase();
        var restarted = new DiscordMessenger(Client(FakeDiscord.BotToken), new LiteDbDirectChannelStore(_database));
        Assert.Equal(DeliveryStatus.Delivered, (await restarted.SendDirectAsync(learner, reply, new OutboundAttempt("w2", DateTimeOffset.UnixEpoch, false), CancellationToken.None)).Status);

        Assert.Single(_discord.Requests, r => r.Path == "/api/v10/users/@me/channels");
        Assert.Equal(2, _discord.Requests.Count(r => r.Path == $"/api/v10/channels/{_discord.DirectChannelOf("4343")}/messages"));
    }

    [Fact]
    public async Task A_remembered_dm_channel_discord_no_longer_knows_is_dropped_and_fetched_again_once()
    {
        var learner = new LearnerId("discord", "4444");
        _discord.DeletedChannels["old4444"] = true;
        await _channels.SetAsync(learner, "old4444");

        var outcome = await new DiscordMessenger(_rest, _channels).SendDirectAsync(learner, new Reply { Text = "Week 1" }, new OutboundAttempt("w1", DateTimeOffset.UnixEpoch, false), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Single(_discord.Requests, r => r.Path == "/api/v10/users/@me/channels");
        Assert.Single(_discord.Requests, r => r.Path == "/api/v10/channels/old4444/messages");
        var fresh = _discord.DirectChannelOf("4444");
        Assert.NotNull(fresh);
        Assert.Single(_discord.Requests, r => r.Path == $"/api/v10/channels/{fresh}/messages");
        Assert.Equal(fresh, await _channels.GetAsync(learner));
    }

    [Fact]
    public async Task A_429_storm_slows_the_client_without_losing_messages()
    {
        _discord.Script429s(3);

        for (var i = 0; i < 12; i++)
            await _rest.CreateMessageAsync("777", new MessagePayload { Content = "m" + i }, CancellationToken.None);

        var posts = _discord.Requests.Where(r => r.Path == "/api/v10/channels/777/messages").ToList();
        Assert.Equal(3, posts.Count(r => r.Status == 429));
        Assert.Equal(12, posts.Count(r => r.Status == 200));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => "m" + i), posts.Where(r => r.Status == 200).Select(r => r.Body.GetProperty("content").GetString()));
    }

    [Fact]
    public async Task Bucket_headers_make_the_client_wait_for_the_reset()
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 6; i++)
            await _rest.CreateMessageAsync("888", new MessagePayload { Content = "x" }, CancellationToken.None);

        // The fifth response says remaining 0, reset after 0.2 s.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(150), watch.Elapsed.ToString());
        Assert.All(_discord.Requests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Requests_carry_bot_auth_user_agent_and_allowed_mentions()
    {
        await _rest.CreateMessageAsync("999", new MessagePayload { Content = "@everyone hi" }, CancellationToken.None);

        var request = Assert.Single(_discord.Requests);
        Assert.Equal("Bot " + FakeDiscord.BotToken, request.Authorization);
        Assert.Matches(@"^DiscordBot \(https?://[^,]+, [\d.]+\)$", request.UserAgent);
        Assert.Equal(0, request.Body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task Json_errors_become_typed_exceptions()
    {
        var rest = Client("wrong-token");
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.GetGatewayBotAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);

        var unknown = await Assert.ThrowsAsync<DiscordApiException>(() => _rest.InteractionCallbackAsync("123", "nope", [(byte)'{', (byte)'}'], CancellationToken.None));
        Assert.Equal(DiscordErrorCodes.UnknownInteraction, unknown.Code);
    }

    [Fact]
    public async Task Messenger_caches_the_dm_channel_and_enforces_the_nonce()
    {
        var messenger = new DiscordMessenger(_rest, _channels);
        var learner = new LearnerId("discord", "4242");
        var reply = new Reply { Title = "Week 3", Text = "Build a REST API" };

        Assert.Equal(DeliveryStatus.Delivered, (await messenger.SendDirectAsync(learner, reply, new OutboundAttempt("weekly-2026-48-discord:4242-and-more", DateTimeOffset.UnixEpoch, false), CancellationToken.None)).Status);
        Assert.Equal(DeliveryStatus.Delivered, (await messenger.SendDirectAsync(learner, reply, new OutboundAttempt("weekly-2026-48-discord:4242-and-more", DateTimeOffset.UnixEpoch, false), CancellationToken.None)).Status);

        Assert.Single(_discord.Requests, r => r.Path == "/api/v10/users/@me/channels");
        var posts = _discord.Requests.Where(r => r.Path == $"/api/v10/channels/{_discord.DirectChannelOf("4242")}/messages").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.True(p.Body.GetProperty("enforce_nonce").GetBoolean()));
        Assert.All(posts, p => Assert.InRange(p.Body.GetProperty("nonce").GetString()!.Length, 1, 25));
        Assert.Equal(posts[0].Body.GetProperty("nonce").GetString(), posts[1].Body.GetProperty("nonce").GetString());
    }

    [Fact]
    public async Task Closed_dms_are_undeliverable_and_429s_are_retried_not_reported()
    {
        _discord.ClosedDms["5050"] = true;
        var messenger = new DiscordMessenger(_rest, _channels);

        var closed = await messenger.SendDirectAsync(new LearnerId("discord", "5050"), new Reply { Text = "hi" }, new OutboundAttempt("k1", DateTimeOffset.UnixEpoch, false), CancellationToken.None);
        Assert.Equal(DeliveryStatus.Undeliverable, closed.Status);

        _discord.Script429s(2);
        var channel = await messenger.SendToChannelAsync(new CommunityId("discord", "1"), "606060", new Reply { Text = "Challenge!" }, null, CancellationToken.None);
        Assert.Equal(DeliveryStatus.Delivered, channel.Status);

        var other = await messenger.SendDirectAsync(new LearnerId("slack", "U1"), new Reply { Text = "hi" }, new OutboundAttempt("k", DateTimeOffset.UnixEpoch, false), CancellationToken.None);
        Assert.Equal(DeliveryStatus.Undeliverable, other.Status);
    }

    [Fact]
    public async Task Fake_enforces_the_three_second_interaction_deadline()
    {
        var clock = new FakeTimeProvider();
        _discord.InteractionClock = clock;
        var interaction = _discord.NewCommandInteraction("faq");
        clock.Advance(TimeSpan.FromMilliseconds(3001));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _rest.InteractionCallbackAsync(interaction.Id(), "tok-" + interaction.Id(), [(byte)'{', (byte)'}'], CancellationToken.None));
        Assert.Equal(DiscordErrorCodes.UnknownInteraction, error.Code);
    }

    private DiscordRestClient Client(string token) => FakeDiscordClients.Rest(_http, FakeDiscordClients.Options(_discord, token));
}
