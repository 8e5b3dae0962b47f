using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Rest;
using MentorBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Discord.Tests.Interactions;

/// <summary>A core slower than the defer threshold gets a type-5 response, then its reply edits @original.</summary>
public sealed class DeferralTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    // Personal as the core defines /streak: the processor learns which commands are personal from the definitions.
    private readonly SlowDispatcher _core = new(new CommandDefinition("streak", "Show your streak") { Personal = true });
    private FakeDiscord _discord = null!;
    private HttpClient _http = null!;
    private InteractionProcessor _processor = null!;
    private DiscordRestClient _rest = null!;

    public async Task InitializeAsync()
    {
        // The deferral deadline runs on the fake clock; Discord's own 3 s runs on real time from the interaction's
        // creation, and a loaded machine has taken longer than that to walk through these steps.
        _discord = await FakeDiscord.StartAsync();
        _discord.InteractionDeadline = TimeSpan.FromSeconds(30);
        _http = new HttpClient();
        var options = FakeDiscordClients.Options(_discord);
        // REST waits run on real time; only the deferral deadline is driven by the fake clock.
        _rest = FakeDiscordClients.Rest(_http, options);
        _processor = new InteractionProcessor(_core, new EmptyFaqService(), _rest, options, _time, NullLogger<InteractionProcessor>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task Slow_reply_is_deferred_then_edits_the_original()
    {
        var interaction = Parse(_discord.NewCommandInteraction("leaderboard").ToJsonString());

        var pending = _processor.ProcessAsync(interaction);
        await Wait.UntilAsync(() => _core.Calls == 1, "dispatch");
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        var outcome = await pending;

        var initial = JsonDocument.Parse(outcome.Response).RootElement;
        Assert.Equal(5, initial.GetProperty("type").GetInt32());
        Assert.False(initial.GetProperty("data").TryGetProperty("flags", out _));
        Assert.Equal(0, initial.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        await _rest.InteractionCallbackAsync(interaction.Id, interaction.Token, outcome.Response, CancellationToken.None);

        _core.Release(new Reply { Title = "Leaderboard", Text = "1. @everyone" });
        await outcome.AfterResponse!();

        var edit = Assert.Single(_discord.Requests, r => r.Method == "PATCH");
        Assert.EndsWith($"/webhooks/{FakeDiscord.ApplicationId}/{interaction.Token}/messages/@original", edit.Path, StringComparison.Ordinal);
        Assert.Equal(200, edit.Status);
        Assert.Equal("Leaderboard", edit.Body.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(0, edit.Body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task Personal_command_defers_ephemerally()
    {
        var interaction = Parse(_discord.NewCommandInteraction("streak").ToJsonString());

        var pending = _processor.ProcessAsync(interaction);
        await Wait.UntilAsync(() => _core.Calls == 1, "dispatch");
        _time.Advance(TimeSpan.FromSeconds(2));
        var outcome = await pending;

        Assert.Equal(64, JsonDocument.Parse(outcome.Response).RootElement.GetProperty("data").GetProperty("flags").GetInt32());
        _core.Release(new Reply { Text = "Your streak: 3 weeks", Visibility = ReplyVisibility.OnlyYou });
    }

    [Fact]
    public async Task Private_reply_after_a_public_deferral_replaces_the_placeholder_with_an_ephemeral_follow_up()
    {
        var interaction = Parse(_discord.NewCommandInteraction("leaderboard").ToJsonString());
        var pending = _processor.ProcessAsync(interaction);
        await Wait.UntilAsync(() => _core.Calls == 1, "dispatch");
        _time.Advance(TimeSpan.FromSeconds(2));
        var outcome = await pending;
        await _rest.InteractionCallbackAsync(interaction.Id, interaction.Token, outcome.Response, CancellationToken.None);

        _core.Release(Reply.Refusal("Only moderators can do that."));
        await outcome.AfterResponse!();

        Assert.Single(_discord.Requests, r => r.Method == "DELETE" && r.Status == 204);
        var followUp = Assert.Single(_discord.Requests, r => r.Method == "POST" && r.Path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal));
        Assert.Equal(64, followUp.Body.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Second_acknowledgement_is_refused_by_discord_with_40060()
    {
        var interaction = Parse(_discord.NewCommandInteraction("leaderboard").ToJsonString());
        var pong = DiscordRestClient.Serialize(InteractionResponse.Pong, DiscordJson.Default.InteractionResponse);
        await _rest.InteractionCallbackAsync(interaction.Id, interaction.Token, pong, CancellationToken.None);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _rest.InteractionCallbackAsync(interaction.Id, interaction.Token, pong, CancellationToken.None));
        Assert.Equal(DiscordErrorCodes.InteractionAlreadyAcknowledged, error.Code);
    }

    private static Interaction Parse(string json) => JsonSerializer.Deserialize(json, DiscordJson.Default.Interaction)!;
}
