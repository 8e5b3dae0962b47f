using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Benchmarks.Shared;
using MentorBot.Core.Text;
using MentorBot.Host;
using MentorBot.Slack.Rendering;
using MentorBot.Slack.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Signed slash commands per second through POST /slack/commands, next to a trivial endpoint on the same server in
// the same run, with p99 latency. Usage: dotnet run -c Release --project benchmarks/MentorBot.Slack.Benchmarks
// [seconds] [concurrency] [questions.tsv | "/command text"]. By default every request is `/faq` with the next question
// of the FAQ development set, as the Discord benchmark asks; a third argument starting with / sends that one command.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
string[] commandLines;
if (args.Length > 2 && args[2].StartsWith('/'))
{
    commandLines = [args[2]];
    Console.WriteLine($"one command: {args[2]}");
}
else
{
    var (questions, source) = BenchmarkQuestions.Load(args.Length > 2 ? args[2] : null);
    commandLines = [.. questions.Select(q => "/faq " + q)];
    Console.WriteLine($"{questions.Length} distinct /faq questions from {source}");
}

static (string Command, string Text) SplitCommand(string line)
{
    var space = line.IndexOf(' ', StringComparison.Ordinal);
    return space < 0 ? (line, "") : (line[..space], line[(space + 1)..]);
}

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

var bodies = commandLines.Select(line =>
{
    var (command, text) = SplitCommand(line);
    return Encoding.UTF8.GetBytes($"token=x&team_id=TBENCH&channel_id=CBENCH&user_id=UBENCH&user_name=bench&command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fr&trigger_id=1");
}).ToArray();
var next = -1;

// The trivial endpoint receives the same bodies, so both phases move the same bytes.
HttpRequestMessage Trivial() => new(HttpMethod.Post, "/trivial") { Content = new ByteArrayContent(bodies[(Interlocked.Increment(ref next) & int.MaxValue) % bodies.Length]) };

HttpRequestMessage Command()
{
    var n = Interlocked.Increment(ref next) & int.MaxValue;
    // A signature is accepted once (replay protection), so each request differs from every other: a fresh trigger_id.
    byte[] body = [.. bodies[n % bodies.Length], .. Encoding.ASCII.GetBytes("&trigger_id=" + n.ToString(CultureInfo.InvariantCulture))];
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
var slack = await RunAsync(commandLines.Length == 1 ? $"signed POST /slack/commands ({commandLines[0]})" : $"signed POST /slack/commands ({commandLines.Length} /faq questions)", Command, seconds);
Console.WriteLine($"ratio slash/trivial throughput: {slack.Rps / trivial.Rps:P0}; slash p99 {slack.P99:F2} ms (target: >= 50 %, p99 < 20 ms)");

// Where the time goes: the core's own cost for the same commands, and the Block Kit rendering, single-threaded.
var parser = app.Services.GetRequiredService<TextCommandParser>();
var dispatcher = app.Services.GetRequiredService<ICommandDispatcher>();
var requests = commandLines.Select(line => parser.Parse(line).Command!
    .ToRequest(new Actor(new LearnerId("slack", "UBENCH"), "bench", false), new CommunityId("slack", "TBENCH"))).ToArray();
var replies = new Reply[requests.Length];
for (var i = 0; i < requests.Length; i++)
    replies[i] = await dispatcher.DispatchAsync(requests[i]);
var slashes = commandLines.Select(line => SplitCommand(line))
    .Select(c => new MentorBot.Slack.Commands.SlashCommand(c.Command, c.Text, "UBENCH", "bench", "TBENCH", "CBENCH", null)).ToArray();
// Warm up so tiered compilation has promoted the hot paths before they are timed.
for (var i = 0; i < 2000; i++)
{
    await dispatcher.DispatchAsync(requests[i % requests.Length]);
    _ = SlackRenderer.Render(replies[i % replies.Length]).ToResponseUtf8();
}

await Task.Delay(500);
var clock = Stopwatch.StartNew();
const int Calls = 5000;
for (var i = 0; i < Calls; i++)
    await dispatcher.DispatchAsync(requests[i % requests.Length]);
var coreMicros = clock.Elapsed.TotalMicroseconds / Calls;
clock.Restart();
for (var i = 0; i < Calls; i++)
    _ = SlackRenderer.Render(replies[i % replies.Length]).ToResponseUtf8();
var renderMicros = clock.Elapsed.TotalMicroseconds / Calls;
clock.Restart();
for (var i = 0; i < Calls; i++)
    _ = SlackRenderer.Render(replies[i % replies.Length]);
var renderOnly = clock.Elapsed.TotalMicroseconds / Calls;
clock.Restart();
for (var i = 0; i < Calls; i++)
    _ = SlackMrkdwn.FromMarkdown(replies[i % replies.Length].Text);
var mrkdwn = clock.Elapsed.TotalMicroseconds / Calls;
var processor = app.Services.GetRequiredService<MentorBot.Slack.Commands.SlackCommandProcessor>();
clock.Restart();
for (var i = 0; i < Calls; i++)
    _ = (await processor.AnswerSlashCommandAsync(slashes[i % slashes.Length], CancellationToken.None)).ToResponseUtf8();
var adapterMicros = clock.Elapsed.TotalMicroseconds / Calls;
var averageText = replies.Average(r => r.Text.Length);
Console.WriteLine($"single-threaded whole adapter path without HTTP: {adapterMicros:F0} µs");
Console.WriteLine($"single-threaded cost per call: core dispatch {coreMicros:F0} µs, Slack rendering + JSON {renderMicros:F0} µs (render {renderOnly:F0}, mrkdwn {mrkdwn:F0}; replies average {averageText:F0} chars)");

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
