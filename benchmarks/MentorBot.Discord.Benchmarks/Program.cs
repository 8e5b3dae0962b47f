using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Discord;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Rendering;
using MentorBot.Benchmarks.Shared;
using MentorBot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using MentorBot.Core.Faq;
using MentorBot.Discord.Benchmarks;

// Signed /faq interactions per second through POST /discord/interactions next to an unsigned trivial endpoint on
// the same server in the same run, with p99 latency. Usage: [seconds per phase] [concurrent clients].
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;

var directory = Path.Combine(Path.GetTempPath(), "mentorbot-discord-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
var seed = new byte[32];
System.Security.Cryptography.RandomNumberGenerator.Fill(seed);
using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);

var app = BuildApp(directory, questionLog: true);
app.MapGet("/bench/trivial", () => Results.Text("ok"));
await app.StartAsync();
var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

var (questions, source) = BenchmarkQuestions.Load(args.Length > 2 ? args[2] : null);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{questions.Length} distinct questions from {source}"));
// The host ships as a web project and so runs the server GC; this console app runs the workstation GC unless
// DOTNET_gcServer=1 says otherwise. Garbage collection is part of what the question log costs (queued questions outlive
// the youngest generation), so the mode is printed with the figures.
Console.WriteLine($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
// Signing happens up front: the client's cost is not what is being measured. Every body is a different interaction,
// as Discord's are (the server may refuse a replayed interaction id). "Uncached" bodies ask a question no one asked
// before, so the FAQ engine's answer cache cannot serve them and the embedding model runs.
(string body, string timestamp, string signature) Sign(int i, string text)
{
    var question = JsonSerializer.Serialize(text);
    var body = $$$"""{"id":"{{{1000 + i}}}","application_id":"111111111111111111","type":2,"token":"t{{{i}}}","version":1,"guild_id":"1","channel_id":"2","locale":"en-US","member":{"user":{"id":"{{{3000 + i % 50}}}","username":"u"},"roles":[],"permissions":"0"},"data":{"id":"9","name":"faq","type":1,"options":[{"name":"question","type":3,"value":{{{question}}}}]}}""";
    var timestamp = (1700000000 + i).ToString(CultureInfo.InvariantCulture);
    var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body))).ToLowerInvariant();
    return (body, timestamp, signature);
}

var signed = Enumerable.Range(0, 500).Select(i => Sign(i, questions[i % questions.Length])).ToArray();
var cachedBodies = Enumerable.Range(0, 20_000 + (seconds * 30_000)).Select(i => Sign(10_000 + i, questions[i % questions.Length])).ToArray();
var uncachedBodies = Enumerable.Range(0, Math.Max(4_000, seconds * 1_000)).Select(i => Sign(10_000_000 + i, $"{questions[i % questions.Length]} ({i})")).ToArray();
var nextBody = -1;
var nextUncached = -1;

// The endpoint acts on each interaction id once (a replay gets 409), so every request the endpoint sees carries a
// fresh id, drawn in order from the pools above: the in-process stages and the cached HTTP phase share one counter.
(string, string, string) Fresh() => cachedBodies[(Interlocked.Increment(ref nextBody) & int.MaxValue) % cachedBodies.Length];

const string PingBody = """{"id":"1","application_id":"111111111111111111","type":1,"token":"p","version":1}""";
var ping = (PingBody, "1700000000", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes("1700000000" + PingBody))).ToLowerInvariant());

// In-process costs per operation, to tell the signature check from the FAQ engine.
var verifier = new MentorBot.Discord.Interactions.SignatureVerifier(Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
var faq = app.Services.GetRequiredService<MentorBot.Core.Faq.IFaqService>();
var pingBytes = Encoding.UTF8.GetBytes(PingBody);
Measure("Ed25519 verify", 2000, i => verifier.Verify(ping.Item2, ping.Item3, pingBytes));
Measure("FaqService.Ask", 2000, i => faq.Ask(questions[i % questions.Length]));

// The /faq path stage by stage, single-threaded, on the same bodies the HTTP phase sends.
var signedBytes = signed.Select(s => Encoding.UTF8.GetBytes(s.body)).ToArray();
var interactions = signedBytes.Select(b => JsonSerializer.Deserialize(b, DiscordJson.Default.Interaction)!).ToArray();
var discordOptions = app.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
var requests = interactions.Select(x => InteractionMapper.ToRequest(x, discordOptions.ModeratorRoleIds)!).ToArray();
var innerDispatcher = app.Services.GetRequiredService<CommandDispatcher>();
var dispatcher = app.Services.GetRequiredService<ICommandDispatcher>();
var notices = app.Services.GetRequiredService<IUndeliverableNotices>();
var replies = requests.Select(r => dispatcher.DispatchAsync(r).GetAwaiter().GetResult()).ToArray();
var rendered = replies.Select(ReplyRenderer.Render).ToArray();
var processor = app.Services.GetRequiredService<InteractionProcessor>();
Measure("  verify /faq body", 2000, i => verifier.Verify(signed[i % signed.Length].timestamp, signed[i % signed.Length].signature, signedBytes[i % signed.Length]));
Measure("  parse Interaction JSON", 2000, i => JsonSerializer.Deserialize(signedBytes[i % signed.Length], DiscordJson.Default.Interaction));
Measure("  map to CommandRequest", 2000, i => InteractionMapper.ToRequest(interactions[i % signed.Length], discordOptions.ModeratorRoleIds));
Measure("  CommandDispatcher (validate + FaqHandler)", 2000, i => innerDispatcher.DispatchAsync(requests[i % signed.Length]).GetAwaiter().GetResult());
Measure("  undeliverable-notice check", 2000, i => notices.TryConsumeAsync(requests[i % signed.Length].Actor.Id).GetAwaiter().GetResult());
Measure("  ICommandDispatcher (all decorators)", 2000, i => dispatcher.DispatchAsync(requests[i % signed.Length]).GetAwaiter().GetResult());
Measure("  ReplyRenderer.Render", 2000, i => ReplyRenderer.Render(replies[i % signed.Length]));
Measure("  serialize response", 2000, i => MentorBot.Discord.Rest.DiscordRestClient.Serialize(new InteractionResponse(CallbackType.ChannelMessage, rendered[i % signed.Length][0]), DiscordJson.Default.InteractionResponse));
Measure("  InteractionProcessor.ProcessAsync", 2000, i => processor.ProcessAsync(interactions[i % signed.Length]).GetAwaiter().GetResult());
Measure("  endpoint in-process (verify..write)", 2000, i => InProcessAsync(Fresh()).GetAwaiter().GetResult());
Measure("  endpoint in-process PING", 2000, i => InProcessAsync(ping).GetAwaiter().GetResult());

// The endpoint as Kestrel calls it, minus the socket: body read, verification, parsing, processing, response write.
async Task InProcessAsync((string Body, string Timestamp, string Signature) item, IServiceProvider? services = null)
{
    var context = new DefaultHttpContext { RequestServices = services ?? app.Services };
    context.Request.Method = "POST";
    context.Request.Headers["X-Signature-Ed25519"] = item.Signature;
    context.Request.Headers["X-Signature-Timestamp"] = item.Timestamp;
    var bytes = Encoding.UTF8.GetBytes(item.Body);
    context.Request.Body = new MemoryStream(bytes);
    context.Request.ContentLength = bytes.Length;
    context.Response.Body = Stream.Null;
    Task handling = InteractionEndpoint.HandleAsync(context);
    await handling;
    // Tolerates the earlier shape of the endpoint, which returned an IResult, so before/after compare like for like.
    if (handling.GetType().GetProperty("Result")?.GetValue(handling) is IResult result)
        await result.ExecuteAsync(context);
}

// Best of five rounds, in wall time and in process CPU time: other processes on a shared machine inflate wall time,
// and the best round is the one they disturbed least. Allocation is the per-operation average over all rounds.
double Measure(string what, int count, Action<int> action)
{
    for (var i = 0; i < 100; i++)
        action(i);
    const int Rounds = 5;
    var perRound = Math.Max(1, count / Rounds);
    var bestWall = double.MaxValue;
    var bestCpu = double.MaxValue;
    var allocated = GC.GetTotalAllocatedBytes(precise: false);
    using var process = Process.GetCurrentProcess();
    for (var round = 0; round < Rounds; round++)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var begin = Stopwatch.GetTimestamp();
        for (var i = 0; i < perRound; i++)
            action((round * perRound) + i);
        bestWall = Math.Min(bestWall, Stopwatch.GetElapsedTime(begin).TotalMicroseconds / perRound);
        process.Refresh();
        bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / perRound);
    }
    var bytes = (GC.GetTotalAllocatedBytes(precise: false) - allocated) / (Rounds * perRound);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} {bestWall,8:F1} µs/op wall {bestCpu,8:F1} µs/op CPU {bytes,8:N0} B/op"));
    return bestCpu;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = baseAddress };

await RunAsync("warm-up trivial", 1, () => new HttpRequestMessage(HttpMethod.Get, "/bench/trivial"));
await RunAsync("warm-up signed", 1, Signed);
var (trivial, trivialCpu) = await RunAsync("trivial GET /bench/trivial", seconds, () => new HttpRequestMessage(HttpMethod.Get, "/bench/trivial"));
await RunAsync("signed POST /discord/interactions (PING)", seconds, SignedPing);
var (signedResult, signedCpu) = await RunAsync("signed POST /discord/interactions (/faq)", seconds, Signed);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio signed/trivial throughput: {signedResult / trivial:F2} (target >= 0.50)"));
var (uncachedResult, _) = await RunAsync("uncached: signed POST /discord/interactions (/faq, each question new)", seconds, SignedUncached);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio uncached signed/trivial throughput: {uncachedResult / trivial:F2}"));
// Other processes on a shared machine take cores away from some phases more than others; CPU time per request is
// what the process itself spent (client and server), so its ratio is what the throughput ratio tends to on an idle box.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio by CPU per request (trivial/signed): {trivialCpu / signedCpu:F2}"));

// Question log cost: the same signed /faq load on two hosts built alike for this comparison, one with the log on (the
// default) and one with Faq:QuestionLog:Enabled=false. Fresh hosts, because the first one has served the phases above
// and carries their state (a replay guard of every interaction id it saw, a bigger database), which would bill the "on"
// side for more than the log. The windows alternate in pairs, off-on then on-off (ABBA), so neither side always runs
// first or always follows the other; every window starts on a collected heap and ends when its host has written every
// question it queued, so each pays for its own writes. The CPU is the whole process's (client and both servers): the
// writes run on the background of the same process. Each pair gives a ratio; the median and spread are reported.
var logPairs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4;
await app.StopAsync();
await app.DisposeAsync();
var logBodies = Enumerable.Range(0, seconds * 12_000 * logPairs).Select(i => Sign(20_000_000 + i, questions[i % questions.Length])).ToArray();
var onHost = await LogHost.StartAsync(BuildApp(directory + "-log-on", questionLog: true), "on ", concurrency);
var offHost = await LogHost.StartAsync(BuildApp(directory + "-log-off", questionLog: false), "off", concurrency);
// The request path alone, single-threaded: what logging adds before the reply (id, queueing, the rating buttons),
// apart from the background writes, which the windows below include.
var logPathBodies = Enumerable.Range(0, 10_000).Select(i => Sign(30_000_000 + i, questions[i % questions.Length])).ToArray();
var nextPath = -1;
(string, string, string) FreshPath() => logPathBodies[(Interlocked.Increment(ref nextPath) & int.MaxValue) % logPathBodies.Length];
// Twice each, alternated, so neither side is always measured first.
var pathOn = double.MaxValue;
var pathOff = double.MaxValue;
foreach (var round in new[] { 1, 2 })
{
    pathOn = Math.Min(pathOn, Measure("  endpoint in-process, question log on", 2000, i => InProcessAsync(FreshPath(), onHost.App.Services).GetAwaiter().GetResult()));
    pathOff = Math.Min(pathOff, Measure("  endpoint in-process, question log off", 2000, i => InProcessAsync(FreshPath(), offHost.App.Services).GetAwaiter().GetResult()));
}
// Split: the core (FaqHandler and Log(), which only queues) and the Discord rendering of the reply (the rating buttons).
foreach (var host in new[] { onHost, offHost })
{
    var hostDispatcher = host.App.Services.GetRequiredService<ICommandDispatcher>();
    var hostReplies = requests.Select(r => hostDispatcher.DispatchAsync(r).GetAwaiter().GetResult()).ToArray();
    Measure($"  ICommandDispatcher, question log {host.Name}", 2000, i => hostDispatcher.DispatchAsync(requests[i % requests.Length]).GetAwaiter().GetResult());
    Measure($"  render + serialize reply, question log {host.Name}", 2000, i => MentorBot.Discord.Rest.DiscordRestClient.Serialize(
        new InteractionResponse(CallbackType.ChannelMessage, ReplyRenderer.Render(hostReplies[i % hostReplies.Length])[0]), DiscordJson.Default.InteractionResponse));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  response bytes, question log {host.Name}: {hostReplies.Average(r => MentorBot.Discord.Rest.DiscordRestClient.Serialize(new InteractionResponse(CallbackType.ChannelMessage, ReplyRenderer.Render(r)[0]), DiscordJson.Default.InteractionResponse).Length):F0} on average"));
}
var backgroundPerQuestion = await QuestionLogPathCosts.RunAsync(onHost.App.Services, questions, directory);
var guild = new MentorBot.Core.Identity.CommunityId("discord", "1");
await onHost.Log.FlushAsync();
var loggedBefore = (await onHost.Store.ListAsync(guild, DateTimeOffset.MinValue)).Count;
// Both hosts warm up alike (answer cache, connections); the warm-up bodies are not reused by the windows.
var warmBodies = Enumerable.Range(0, 20_000).Select(i => Sign(40_000_000 + i, questions[i % questions.Length])).ToArray();
foreach (var host in new[] { onHost, offHost })
{
    var nextWarm = -1;
    await RunAsync($"warm-up question log {host.Name}", 1, () => Request(warmBodies[(Interlocked.Increment(ref nextWarm) & int.MaxValue) % warmBodies.Length]), host.Http);
}
await onHost.Log.FlushAsync();
loggedBefore = (await onHost.Store.ListAsync(guild, DateTimeOffset.MinValue)).Count;
var logWindows = new List<(LogHost Host, double Rps, double Cpu)>();
var pairRatios = new List<(double Cpu, double Rps)>();
for (var pair = 1; pair <= logPairs; pair++)
{
    var order = pair % 2 == 1 ? new[] { offHost, onHost } : new[] { onHost, offHost };
    var results = new Dictionary<LogHost, (double Rps, double Cpu)>();
    foreach (var host in order)
        results[host] = await LogWindowAsync(host, $"question log {host.Name}, pair {pair}");
    logWindows.AddRange(results.Select(r => (r.Key, r.Value.Rps, r.Value.Cpu)));
    pairRatios.Add((results[onHost].Cpu / results[offHost].Cpu, results[onHost].Rps / results[offHost].Rps));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  pair {pair}: CPU per request on/off {pairRatios[^1].Cpu:F3}, throughput on/off {pairRatios[^1].Rps:F3}"));
}
await onHost.Log.FlushAsync();
var logged = (await onHost.Store.ListAsync(guild, DateTimeOffset.MinValue)).Count - loggedBefore;
var cpuRatios = pairRatios.Select(r => r.Cpu).Order().ToArray();
var rpsRatios = pairRatios.Select(r => r.Rps).Order().ToArray();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"question log: {logged} of {onHost.Requests} /faq requests of the 'on' windows logged"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"question log CPU per request on/off: median {Median(cpuRatios):F3} of {cpuRatios.Length} pairs (min {cpuRatios[0]:F3}, max {cpuRatios[^1]:F3}); target <= 1.05"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"question log throughput on/off: median {Median(rpsRatios):F3} (min {rpsRatios[0]:F3}, max {rpsRatios[^1]:F3})"));
// The same cost added up from the in-process figures (best rounds, so far less disturbed by other processes): what the
// request path adds, and what the writer spends a question, against the median "off" window's CPU per request.
var offWindowCpu = logWindows.Where(w => w.Host == offHost).Select(w => w.Cpu).Order().ToArray();
var added = Math.Max(0, pathOn - pathOff) + backgroundPerQuestion;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"question log in-process estimate: request path +{pathOn - pathOff:F1} µs, writer {backgroundPerQuestion:F1} µs a question; {added:F1} µs of {Median(offWindowCpu):F0} µs per request = {added / Median(offWindowCpu) * 100:F1} %"));
await onHost.DisposeAsync();
await offHost.DisposeAsync();

async Task<(double Rps, double Cpu)> LogWindowAsync(LogHost host, string name)
{
    // Garbage of the window before is collected outside the measurement, so a window pays for the collections its own
    // allocations (and the queued questions they keep alive) cause, not for its neighbour's.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    using var process = Process.GetCurrentProcess();
    var cpuStart = process.TotalProcessorTime;
    var gen2Before = GC.CollectionCount(2);
    var gen1Before = GC.CollectionCount(1);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
    var before = host.Next;
    var (rps, _) = await RunAsync(name, seconds, () => Request(logBodies[(host.Take() & int.MaxValue) % logBodies.Length]), host.Http);
    var flushStarted = Stopwatch.GetTimestamp();
    // A no-op on the "off" host; on the "on" host the questions still queued are part of this window's cost.
    await host.Log.FlushAsync();
    process.Refresh();
    var requests = host.Next - before;
    host.Requests += requests;
    var cpu = (process.TotalProcessorTime - cpuStart).TotalMicroseconds / requests;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  + final flush {Stopwatch.GetElapsedTime(flushStarted).TotalMilliseconds:F0} ms; window CPU {cpu:F1} µs/req; {(GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / requests:N0} B/req allocated; GCs gen1 {GC.CollectionCount(1) - gen1Before}, gen2 {GC.CollectionCount(2) - gen2Before}"));
    return (rps, cpu);
}

static double Median(double[] sorted) => sorted.Length == 0 ? double.NaN
    : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

foreach (var folder in new[] { directory, directory + "-log-on", directory + "-log-off" })
{
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}
return 0;

// Separates the signature check and HTTP plumbing from the FAQ engine's own cost.
HttpRequestMessage SignedPing() => Request(ping);

HttpRequestMessage Signed() => Request(Fresh());

HttpRequestMessage SignedUncached() => Request(uncachedBodies[(Interlocked.Increment(ref nextUncached) & int.MaxValue) % uncachedBodies.Length]);

HttpRequestMessage Request((string Body, string Timestamp, string Signature) item)
{
    var (body, timestamp, signature) = item;
    var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    request.Headers.Add("X-Signature-Ed25519", signature);
    request.Headers.Add("X-Signature-Timestamp", timestamp);
    return request;
}

async Task<(double Rps, double CpuUsPerRequest)> RunAsync(string name, int phaseSeconds, Func<HttpRequestMessage> makeRequest, HttpClient? client = null)
{
    client ??= http;
    using var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var latencies = new List<double>[concurrency];
    var failures = 0;
    var stopAt = Stopwatch.GetTimestamp() + (long)(phaseSeconds * Stopwatch.Frequency);
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var mine = latencies[worker] = [];
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            using var request = makeRequest();
            var begin = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
                Interlocked.Increment(ref failures);
        }
    }));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds;
    var all = latencies.SelectMany(l => l).Order().ToArray();
    var rps = all.Length / elapsed;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-45} {all.Length,8} requests  {rps,9:F0} req/s  p50 {Percentile(all, 0.50),6:F2} ms  p99 {Percentile(all, 0.99),6:F2} ms  CPU {cpu / Math.Max(1, all.Length),6:F0} µs/req  failures {failures}"));
    return (rps, cpu / Math.Max(1, all.Length));
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

// The host under test; the question log is on by default, and off only for the comparison host.
WebApplication BuildApp(string databaseDirectory, bool questionLog) =>
    BotApplication.Build(["--urls", "http://127.0.0.1:0"], configure: cfg => cfg.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Discord:Mode"] = "Http",
        ["Discord:PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        ["Discord:ApplicationId"] = "111111111111111111",
        // Nothing here should reach Discord; a closed local port makes sure nothing does.
        ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
        ["Storage:DatabasePath"] = Path.Combine(databaseDirectory, "bench.db"),
        ["Knowledge:Path"] = FindKnowledge(),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Faq:QuestionLog:Enabled"] = questionLog ? "true" : "false",
        // Every question of the comparison is written (none dropped for a full buffer), so its whole cost is counted.
        ["Faq:QuestionLog:MaxPending"] = "10000000",
    }));

static string FindKnowledge() => Path.Combine(RepositoryRoot.Find() ?? ".", "knowledge");
