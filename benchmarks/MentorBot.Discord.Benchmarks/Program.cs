using System.Diagnostics;
using System.Globalization;
using System.Text;
using MentorBot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

// Signed /faq interactions per second through POST /discord/interactions next to an unsigned trivial endpoint on
// the same server in the same run, with p99 latency. Usage: [seconds per phase] [concurrent clients].
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;

var directory = Path.Combine(Path.GetTempPath(), "mentorbot-discord-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
var seed = new byte[32];
System.Security.Cryptography.RandomNumberGenerator.Fill(seed);
using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);

var app = BotApplication.Build(["--urls", "http://127.0.0.1:0"], configure: cfg => cfg.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Discord:Mode"] = "Http",
    ["Discord:PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
    ["Discord:ApplicationId"] = "111111111111111111",
    // Nothing here should reach Discord; a closed local port makes sure nothing does.
    ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
    ["Storage:DatabasePath"] = Path.Combine(directory, "bench.db"),
    ["Knowledge:Path"] = FindKnowledge(),
    ["Logging:LogLevel:Default"] = "Warning",
}));
app.MapGet("/bench/trivial", () => Results.Text("ok"));
await app.StartAsync();
var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

string[] questions =
[
    "do I need a degree", "how long does it take to become a backend developer", "which language should I learn first",
    "how do I build a portfolio", "what is the salary in the US", "should I learn docker", "how to learn databases",
];
// Signing happens up front: the client's cost is not what is being measured.
var signed = Enumerable.Range(0, 500).Select(i =>
{
    var body = $$$"""{"id":"{{{1000 + i}}}","application_id":"111111111111111111","type":2,"token":"t{{{i}}}","version":1,"guild_id":"1","channel_id":"2","locale":"en-US","member":{"user":{"id":"{{{3000 + i % 50}}}","username":"u"},"roles":[],"permissions":"0"},"data":{"id":"9","name":"faq","type":1,"options":[{"name":"question","type":3,"value":"{{{questions[i % questions.Length]}}}"}]}}""";
    var timestamp = (1700000000 + i).ToString(CultureInfo.InvariantCulture);
    var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body))).ToLowerInvariant();
    return (body, timestamp, signature);
}).ToArray();

const string PingBody = """{"id":"1","application_id":"111111111111111111","type":1,"token":"p","version":1}""";
var ping = (PingBody, "1700000000", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes("1700000000" + PingBody))).ToLowerInvariant());

// In-process costs per operation, to tell the signature check from the FAQ engine.
var verifier = new MentorBot.Discord.Interactions.SignatureVerifier(Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
var faq = app.Services.GetRequiredService<MentorBot.Core.Faq.IFaqService>();
var pingBytes = Encoding.UTF8.GetBytes(PingBody);
Measure("Ed25519 verify", 2000, i => verifier.Verify(ping.Item2, ping.Item3, pingBytes));
Measure("FaqService.Ask", 2000, i => faq.Ask(questions[i % questions.Length]));

void Measure(string what, int count, Action<int> action)
{
    for (var i = 0; i < 100; i++)
        action(i);
    var begin = Stopwatch.GetTimestamp();
    for (var i = 0; i < count; i++)
        action(i);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} {Stopwatch.GetElapsedTime(begin).TotalMicroseconds / count,8:F1} µs/op"));
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = baseAddress };

await RunAsync("warm-up trivial", 1, () => new HttpRequestMessage(HttpMethod.Get, "/bench/trivial"));
await RunAsync("warm-up signed", 1, Signed);
var trivial = await RunAsync("trivial GET /bench/trivial", seconds, () => new HttpRequestMessage(HttpMethod.Get, "/bench/trivial"));
await RunAsync("signed POST /discord/interactions (PING)", seconds, SignedPing);
var signedResult = await RunAsync("signed POST /discord/interactions (/faq)", seconds, Signed);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio signed/trivial throughput: {signedResult / trivial:F2} (target >= 0.50)"));

await app.StopAsync();
await app.DisposeAsync();
try
{
    Directory.Delete(directory, recursive: true);
}
catch (IOException)
{
}
return 0;

// Separates the signature check and HTTP plumbing from the FAQ engine's own cost.
HttpRequestMessage SignedPing() => Request(ping);

HttpRequestMessage Signed() => Request(signed[Random.Shared.Next(signed.Length)]);

HttpRequestMessage Request((string Body, string Timestamp, string Signature) item)
{
    var (body, timestamp, signature) = item;
    var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    request.Headers.Add("X-Signature-Ed25519", signature);
    request.Headers.Add("X-Signature-Timestamp", timestamp);
    return request;
}

async Task<double> RunAsync(string name, int phaseSeconds, Func<HttpRequestMessage> makeRequest)
{
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
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
                Interlocked.Increment(ref failures);
        }
    }));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var all = latencies.SelectMany(l => l).Order().ToArray();
    var rps = all.Length / elapsed;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-45} {all.Length,8} requests  {rps,9:F0} req/s  p50 {Percentile(all, 0.50),6:F2} ms  p99 {Percentile(all, 0.99),6:F2} ms  failures {failures}"));
    return rps;
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

static string FindKnowledge()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
        directory = directory.Parent;
    return Path.Combine(directory?.FullName ?? ".", "knowledge");
}
