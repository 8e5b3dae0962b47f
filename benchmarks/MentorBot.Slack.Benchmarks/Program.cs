using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Core.Text;
using MentorBot.Host;
using MentorBot.Slack.Rendering;
using MentorBot.Slack.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Signed slash commands per second through POST /slack/commands, next to a trivial endpoint on the same server in
// the same run, with p99 latency. Usage: dotnet run -c Release --project benchmarks/MentorBot.Slack.Benchmarks [seconds] [concurrency] [command line, default "/faq do I need a degree"]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var commandText = args.Length > 2 ? args[2] : "/faq do I need a degree";
var space = commandText.IndexOf(' ', StringComparison.Ordinal);
var (slashCommand, slashText) = space < 0 ? (commandText, "") : (commandText[..space], commandText[(space + 1)..]);
const string Secret = "bench-signing-secret";

// A minimal Slack for the start-up auth.test and the (cached) users.info lookups.
var stubBuilder = WebApplication.CreateSlimBuilder();
stubBuilder.WebHost.UseUrls("http://127.0.0.1:0");
stubBuilder.Logging.ClearProviders();
await using var stub = stubBuilder.Build();
stub.MapPost("/api/auth.test", () => Results.Text("""{"ok":true,"user_id":"UBOT","team_id":"TBENCH","bot_id":"BBOT","url":"https://bench.slack.com/","team":"Bench","user":"bot"}""", "application/json"));
stub.MapGet("/api/users.info", (string user) => Results.Text("""{"ok":true,"user":{"id":""" + "\"" + user + "\"" + ""","name":"bench","tz":"Europe/Berlin","is_admin":false,"is_owner":false,"profile":{"display_name":"bench"}}}""", "application/json"));
await stub.StartAsync();
var stubUrl = Address(stub);

var dir = Path.Combine(Path.GetTempPath(), "mentorbot-slack-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dir);
var settings = new Dictionary<string, string?>
{
    ["Slack:Mode"] = "Http",
    ["Slack:BotToken"] = "xoxb-bench",
    ["Slack:SigningSecret"] = Secret,
    ["Slack:ApiBaseUrl"] = stubUrl + "api/",
    ["Storage:DatabasePath"] = Path.Combine(dir, "bench.db"),
    ["Logging:LogLevel:Default"] = "Warning",
};
await using var app = BotApplication.Build(["--urls", "http://127.0.0.1:0"], configure: c => c.AddInMemoryCollection(settings));
app.MapPost("/trivial", () => Results.Ok());
await app.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };

var body = Encoding.UTF8.GetBytes($"token=x&team_id=TBENCH&channel_id=CBENCH&user_id=UBENCH&user_name=bench&command={Uri.EscapeDataString(slashCommand)}&text={Uri.EscapeDataString(slashText)}&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fr&trigger_id=1");

HttpRequestMessage Trivial() => new(HttpMethod.Post, "/trivial") { Content = new ByteArrayContent(body) };

HttpRequestMessage Command()
{
    var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");
    request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
    request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, timestamp, body));
    return request;
}

await RunAsync("warm-up", Command, 2);
await RunAsync("warm-up", Trivial, 1);
var trivial = await RunAsync("trivial POST /trivial", Trivial, seconds);
var slack = await RunAsync($"signed POST /slack/commands ({commandText})", Command, seconds);
Console.WriteLine($"ratio slash/trivial throughput: {slack.Rps / trivial.Rps:P0}; slash p99 {slack.P99:F2} ms (target: >= 50 %, p99 < 20 ms)");

// Where the time goes: the core's own cost for the same command, and the Block Kit rendering, single-threaded.
var parser = app.Services.GetRequiredService<TextCommandParser>();
var dispatcher = app.Services.GetRequiredService<ICommandDispatcher>();
var parsed = parser.Parse(commandText).Command!;
var request = parsed.ToRequest(new Actor(new LearnerId("slack", "UBENCH"), "bench", false), new CommunityId("slack", "TBENCH"));
var reply = await dispatcher.DispatchAsync(request);
// Warm up so tiered compilation has promoted the hot paths before they are timed.
for (var i = 0; i < 2000; i++)
{
    await dispatcher.DispatchAsync(request);
    _ = SlackRenderer.Render(reply).ToResponseUtf8();
}

await Task.Delay(500);
var clock = Stopwatch.StartNew();
const int Calls = 5000;
for (var i = 0; i < Calls; i++)
    await dispatcher.DispatchAsync(request);
var coreMicros = clock.Elapsed.TotalMicroseconds / Calls;
clock.Restart();
for (var i = 0; i < Calls; i++)
    _ = SlackRenderer.Render(reply).ToResponseUtf8();
var renderMicros = clock.Elapsed.TotalMicroseconds / Calls;
clock.Restart();
for (var i = 0; i < Calls; i++)
    _ = SlackRenderer.Render(reply);
var renderOnly = clock.Elapsed.TotalMicroseconds / Calls;
clock.Restart();
for (var i = 0; i < Calls; i++)
    _ = SlackMrkdwn.FromMarkdown(reply.Text);
var mrkdwn = clock.Elapsed.TotalMicroseconds / Calls;
var processor = app.Services.GetRequiredService<MentorBot.Slack.Commands.SlackCommandProcessor>();
var slash = new MentorBot.Slack.Commands.SlashCommand(slashCommand, slashText, "UBENCH", "bench", "TBENCH", "CBENCH", null);
clock.Restart();
for (var i = 0; i < Calls; i++)
    _ = (await processor.AnswerSlashCommandAsync(slash, CancellationToken.None)).ToResponseUtf8();
var adapterMicros = clock.Elapsed.TotalMicroseconds / Calls;
Console.WriteLine($"single-threaded whole adapter path without HTTP: {adapterMicros:F0} µs");
Console.WriteLine($"single-threaded cost per call: core dispatch {coreMicros:F0} µs, Slack rendering + JSON {renderMicros:F0} µs (render {renderOnly:F0}, mrkdwn {mrkdwn:F0}; text {reply.Text.Length} chars, {reply.FollowUps.Count} follow-ups)");

await app.StopAsync();
await stub.StopAsync();
Directory.Delete(dir, recursive: true);
return 0;

async Task<(double Rps, double P99)> RunAsync(string name, Func<HttpRequestMessage> make, int duration)
{
    var latencies = new List<double>[concurrency];
    var stop = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(async i =>
    {
        var mine = latencies[i] = [];
        while (stop.Elapsed.TotalSeconds < duration)
        {
            using var request = make();
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    });
    await Task.WhenAll(workers);
    var all = latencies.SelectMany(l => l).Order().ToList();
    var rps = all.Count / stop.Elapsed.TotalSeconds;
    var p50 = all[all.Count / 2];
    var p99 = all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))];
    if (name != "warm-up")
        Console.WriteLine($"{name}: {rps:F0} req/s, p50 {p50:F2} ms, p99 {p99:F2} ms ({all.Count} requests, {concurrency} concurrent)");
    return (rps, p99);
}

static string Address(WebApplication app) =>
    app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
