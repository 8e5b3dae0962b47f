using System.Net;
using System.Text;
using System.Text.Json;
using MentorBot.Core;
using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Core.Storage;
using MentorBot.Discord.Tests.Fakes;
using MentorBot.Testing.Hosting;
using MentorBot.Testing.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Discord.Tests.EndToEnd;

/// <summary>
/// A graceful stop while a deferred answer is still being worked on: the host's StopAsync returns only after the
/// answer has edited <c>@original</c> at the fake Discord.
/// </summary>
public sealed class ShutdownDrainTests : IAsyncLifetime
{
    private readonly InteractionSigner _signer = InteractionSigner.Random();
    private readonly WatchedTimeProvider _time = new();
    private readonly SlowDispatcher _core = new();
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
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
        });
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<ICommandDispatcher>(_core);
        builder.Services.AddSingleton<IFaqService, EmptyFaqService>();
        builder.Services.AddSingleton<IReplayGuard>(new InMemoryReplayGuard(_time));
        // Hosted services stop in reverse order: the web server, the adapter, this releaser, then the background work.
        // So the core finishes only once the host is already stopping and nothing but the drain is left to wait for it.
        builder.Services.AddBackgroundWork();
        builder.Services.AddSingleton<IHostedService>(new ReleaseOnStop(_core));
        builder.Services.AddDiscordAdapter(builder.Configuration);
        _app = builder.Build();
        _app.MapDiscordEndpoints();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        _signer.Dispose();
    }

    [Fact]
    public async Task A_deferred_reply_still_being_worked_on_when_the_host_stops_reaches_Discord_before_StopAsync_returns()
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
        Assert.Equal(5, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetInt32());
        await AcknowledgeAsync(interaction.Id(), token);

        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var edit = Assert.Single(_discord.Requests, r => r.Method == "PATCH");
        Assert.Contains(token, edit.Path, StringComparison.Ordinal);
        Assert.Equal(200, edit.Status);
        Assert.Equal("Leaderboard", edit.Body.GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    private async Task AcknowledgeAsync(string id, string token)
    {
        using var http = new HttpClient();
        using var ack = await http.PostAsync(
            new Uri($"{_discord.ApiBaseUrl}/interactions/{id}/{token}/callback"),
            new StringContent("""{"type":5}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);
    }

    private sealed class ReleaseOnStop(SlowDispatcher core) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            core.Release(new Reply { Title = "Leaderboard", Text = "1. Ada — 12 days" });
            return Task.CompletedTask;
        }
    }
}
