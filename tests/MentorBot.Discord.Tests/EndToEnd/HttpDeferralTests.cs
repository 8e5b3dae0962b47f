using System.Net;
using System.Text;
using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Core.Storage;
using MentorBot.Discord.Tests.Fakes;
using MentorBot.Testing.Hosting;
using MentorBot.Testing.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Discord.Tests.EndToEnd;

/// <summary>
/// The HTTP endpoint with a core slower than the defer threshold: the POST is answered with type 5, and once the
/// response has gone out the real reply edits <c>@original</c> at the fake Discord.
/// </summary>
public sealed class HttpDeferralTests : IAsyncLifetime
{
    private readonly InteractionSigner _signer = InteractionSigner.Random();
    private readonly WatchedTimeProvider _time = new();
    private readonly SlowDispatcher _core = new();
    private FakeDiscord _discord = null!;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        // As in DeferralTests: the deferral runs on the fake clock, Discord's 3 s on real time from the interaction's
        // creation, and a loaded machine has taken longer than 3 s to get from the request to the acknowledgement.
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

    [Fact]
    public async Task Slow_core_gets_type_5_then_the_reply_edits_the_original()
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
        var initial = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(5, initial.GetProperty("type").GetInt32());

        // Discord would have acknowledged the interaction on receiving the type 5; the fake learns it the same way.
        await AcknowledgeAsync(interaction.Id(), token);
        _core.Release(new Reply { Title = "Leaderboard", Text = "1. Ada — 12 days" });

        await Wait.UntilAsync(() => _discord.Requests.Any(r => r.Method == "PATCH"), "edit of @original");
        var edit = _discord.Requests.Single(r => r.Method == "PATCH");
        Assert.Contains(token, edit.Path, StringComparison.Ordinal);
        Assert.Equal(200, edit.Status);
        Assert.Equal(0, edit.Body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
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
}
