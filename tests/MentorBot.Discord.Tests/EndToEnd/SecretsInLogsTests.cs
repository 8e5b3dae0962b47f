using System.Net;
using System.Text;
using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Core.Storage;
using MentorBot.Discord.Tests.Fakes;
using MentorBot.Testing.Hosting;
using MentorBot.Testing.Logging;
using MentorBot.Testing.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Discord.Tests.EndToEnd;

/// <summary>
/// Everything logged, at every level and in every category, while a deferred interaction is answered through the
/// adapter's own registration (<see cref="DiscordServiceCollectionExtensions.AddDiscordAdapter"/>, as the host
/// registers it) against the fake Discord: neither the interaction token nor the bot token may appear.
/// </summary>
public sealed class SecretsInLogsTests : IAsyncLifetime, IDisposable
{
    private readonly InteractionSigner _signer = InteractionSigner.Random();
    private readonly WatchedTimeProvider _time = new();
    private readonly SlowDispatcher _core = new();
    private readonly CapturingLoggerProvider _logs = new();
    private FakeDiscord _discord = null!;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _discord.InteractionDeadline = TimeSpan.FromSeconds(30);
        var builder = LoopbackApp.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = _signer.PublicKeyHex,
            ["Discord:ApplicationId"] = FakeDiscord.ApplicationId,
            ["Discord:BotToken"] = FakeDiscord.BotToken,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
            // The test output holds the host's appsettings.json, whose levels would otherwise win over the minimum.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
        });
        builder.Logging.AddProvider(_logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<ICommandDispatcher>(_core);
        builder.Services.AddSingleton<IFaqService, EmptyFaqService>();
        builder.Services.AddSingleton<IReplayGuard>(new InMemoryReplayGuard(_time));
        builder.Services.AddDiscordAdapter(builder.Configuration);
        _app = builder.Build();
        _app.MapDiscordEndpoints();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        _signer.Dispose();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task A_deferred_reply_logs_neither_the_interaction_token_nor_the_bot_token()
    {
        var interaction = _discord.NewCommandInteraction("leaderboard");
        var body = interaction.ToJsonString();
        var token = interaction["token"]!.GetValue<string>();
        using var http = new HttpClient { BaseAddress = LoopbackApp.AddressOf(_app) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var timestamp = "1700000123";
        request.Headers.Add("X-Signature-Ed25519", _signer.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);

        var sending = http.SendAsync(request);
        // Once the dispatch is waiting out the deferral budget (2 s by default), that budget passes.
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(2));
        using var response = await sending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetInt32());
        using (var ack = await http.PostAsync(
            new Uri($"{_discord.ApiBaseUrl}/interactions/{interaction.Id()}/{token}/callback"),
            new StringContent("""{"type":5}""", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);
        // Two messages: the first edits @original, the second is a follow-up on the webhook route.
        _core.Release(new Reply { Title = "Leaderboard", Text = new string('x', 5000) });

        await Wait.UntilAsync(() => _discord.Requests.Any(r => r.Method == "PATCH") && _discord.Requests.Any(r => r.Method == "POST" && r.Path.Contains("/webhooks/", StringComparison.Ordinal)), "edit of @original and a follow-up");
        // Both webhook requests logged, however the URL is shown.
        await Wait.UntilAsync(() => _logs.Entries.Count(e => e.Contains("/webhooks/", StringComparison.Ordinal)) >= 2, "the webhook requests in the log");

        var logged = _logs.Text;
        Assert.DoesNotContain(token, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscord.BotToken, logged, StringComparison.Ordinal);
        Assert.Contains("/webhooks/" + FakeDiscord.ApplicationId + "/{token}/messages/@original", logged, StringComparison.Ordinal);
    }
}
