using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Testing.Discord;

/// <summary>
/// A small Discord on loopback (Kestrel): the REST routes the adapter uses, with Discord's shapes, error codes and
/// rate-limit headers, plus a Gateway WebSocket speaking Hello/Identify/READY/heartbeats/Resume/op 7/op 9.
/// Behaviour follows protocols.md §1–6: 3-second interaction deadline (10062), second acknowledgement (40060),
/// 50007 for closed DMs, enforced nonces (per author, for <see cref="NonceWindow"/>), an optional global rate limit
/// (<see cref="GlobalRateLimit"/>) and an optional storm of 429s (<see cref="Storm"/>). Created messages are counted
/// per channel, so tests and benchmarks can tell a message that exists twice from a request that was retried.
/// The Gateway half (sessions per shard, routing, identify limits) is in FakeDiscord.Gateway.cs.
/// </summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string BotToken = "fake-bot-token";
    public const string ApplicationId = "111111111111111111";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, (DateTimeOffset Issued, bool Acknowledged)> _interactions = new();
    private readonly ConcurrentDictionary<string, (JsonNode Message, long CreatedAtMs)> _noncedMessages = new();
    private readonly ConcurrentDictionary<string, int> _createdPerChannel = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _dmChannelOfRecipient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _recipientOfDmChannel = new(StringComparer.Ordinal);
    private readonly Lock _limitGate = new();
    private Random? _storm;
    private double _stormShare;
    private TimeSpan _stormRetryAfter;
    private long _created;
    private long _nonceReplays;
    private long _rateLimited;
    private long _holdAfter = -1;
    private TaskCompletionSource _holdGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _held;
    private readonly Lock _gate = new();
    private JsonArray _commands = [];
    private int _scripted429s;
    private int _messagesRemaining = 5;
    private int _nextId = 1000;

    private FakeDiscord(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseAddress => LoopbackApp.AddressOf(_app);

    public string ApiBaseUrl => BaseAddress.ToString().TrimEnd('/') + "/api/v10";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Recipients whose DMs are closed: messages to their DM channel fail with 50007.</summary>
    public ConcurrentDictionary<string, bool> ClosedDms { get; } = new();

    /// <summary>Channel ids that no longer exist: creating a message there is 404 Unknown Channel (10003).</summary>
    public ConcurrentDictionary<string, bool> DeletedChannels { get; } = new();

    /// <summary>
    /// Requests per second the bot may make across all routes except interaction and webhook-token ones, as Discord's
    /// global limit (50/s by default there; larger bots get more). Null means unlimited. Over the limit the fake
    /// answers 429 with <c>retry_after</c>, <c>global: true</c> and the <c>X-RateLimit-Global</c> header.
    /// </summary>
    public int? GlobalRateLimit { get; set; }

    /// <summary>
    /// How long each REST answer is held back: the round trip and processing time of the real Discord (tens of
    /// milliseconds), so that a client's concurrency, not the loopback's speed, sets its pace. Zero by default.
    /// </summary>
    public TimeSpan ResponseLatency { get; set; }

    /// <summary>How long an enforced nonce stays known; Discord says "the past few minutes".</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages that exist (a replayed nonce creates none), over all channels.</summary>
    public long CreatedMessages => Interlocked.Read(ref _created);

    /// <summary>Creates answered with an already existing message because the nonce was seen before.</summary>
    public long NonceReplays => Interlocked.Read(ref _nonceReplays);

    /// <summary>Requests answered 429 by the global limit or the storm (scripted 429s are not counted here).</summary>
    public long RateLimitedRequests => Interlocked.Read(ref _rateLimited);

    /// <summary>Messages that exist per channel id (see <see cref="DirectChannelOf"/> for a recipient's DM channel).</summary>
    public IReadOnlyDictionary<string, int> CreatedMessagesByChannel => new Dictionary<string, int>(_createdPerChannel, StringComparer.Ordinal);

    /// <summary>Messages that exist in the recipient's DM channel.</summary>
    public int CreatedDirectMessages(string recipientId) =>
        DirectChannelOf(recipientId) is { } channel && _createdPerChannel.TryGetValue(channel, out var count) ? count : 0;

    /// <summary>The DM channel opened with the recipient, null if none was: a snowflake, as Discord's channel ids are.</summary>
    public string? DirectChannelOf(string recipientId) => _dmChannelOfRecipient.TryGetValue(recipientId, out var channel) ? channel : null;

    /// <summary>Responses to message creates being held back by <see cref="HoldResponsesAfter"/>.</summary>
    public long HeldResponses => Interlocked.Read(ref _held);

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        fake.Map(app);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next <paramref name="count"/> REST calls (except callbacks) answer 429 with a short retry_after.</summary>
    public void Script429s(int count) => Interlocked.Exchange(ref _scripted429s, count);

    /// <summary>
    /// From now on about <paramref name="share"/> of the REST requests (0–1, except interaction callbacks) are answered
    /// 429 with <paramref name="retryAfter"/>, alternating global and per-route limits as a busy Discord would;
    /// deterministic for a seed. A share of 0 ends the storm.
    /// </summary>
    public void Storm(double share, TimeSpan retryAfter, int seed = 429)
    {
        lock (_limitGate)
        {
            _storm = share > 0 ? new Random(seed) : null;
            _stormShare = share;
            _stormRetryAfter = retryAfter;
        }
    }

    /// <summary>
    /// Once <paramref name="created"/> messages exist, every further message create is carried out but its response is
    /// held back until <see cref="ReleaseHeldResponses"/>: the bot's send has landed and it has not heard so, which is
    /// the window a crash between send and mark falls into.
    /// </summary>
    public void HoldResponsesAfter(long created)
    {
        if (_holdGate.Task.IsCompleted)
            _holdGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _holdAfter, created);
    }

    /// <summary>Ends the hold and lets every held response go (to a client that may be long gone).</summary>
    public void ReleaseHeldResponses()
    {
        Interlocked.Exchange(ref _holdAfter, -1);
        _holdGate.TrySetResult();
    }

    public void SetCommands(string json)
    {
        lock (_gate)
            _commands = JsonNode.Parse(AddServerFields(Encoding.UTF8.GetBytes(json)))!.AsArray();
    }

    public int CommandOverwrites => Requests.Count(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal));

    /// <summary>
    /// How long after its creation an interaction can still be answered: Discord's 3 s. Tests of reconnecting lengthen
    /// it, since what they check is that a missed event is replayed, and a loaded machine can take longer than 3 s to
    /// notice the drop, back off, reconnect and resume; so do tests whose deferral runs on a fake clock.
    /// </summary>
    public TimeSpan InteractionDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The clock of <see cref="InteractionDeadline"/>: a test of the deadline itself moves a fake one.</summary>
    public TimeProvider InteractionClock { get; set; } = TimeProvider.System;

    public IEnumerable<RecordedRequest> Callbacks(string interactionId) =>
        Requests.Where(r => r.Path.StartsWith($"/api/v10/interactions/{interactionId}/", StringComparison.Ordinal) && r.Status == 204);

    /// <summary>Adds what Discord adds to listed commands (ids, versions, defaults) so comparisons must normalize.</summary>
    public static byte[] AddServerFields(byte[] commandsJson)
    {
        var array = JsonNode.Parse(commandsJson)!.AsArray();
        var id = 900000000000000000L;
        foreach (var command in array.OfType<JsonObject>())
        {
            command["id"] = (id++).ToString(CultureInfo.InvariantCulture);
            command["application_id"] = ApplicationId;
            command["version"] = "1";
            command["nsfw"] = false;
            command["integration_types"] = new JsonArray(0);
            command["contexts"] = null;
            command["dm_permission"] = true;
            if (!command.ContainsKey("default_member_permissions"))
                command["default_member_permissions"] = null;
        }
        return Encoding.UTF8.GetBytes(array.ToJsonString());
    }

    /// <summary>Builds a signed-off interaction as Discord would send it, and remembers its token for the deadline.</summary>
    public JsonObject NewCommandInteraction(string name, JsonArray? options = null, string userId = "222222222222222222", string permissions = "0", string guildId = "333333333333333333")
    {
        var id = NextId();
        var token = "tok-" + id;
        _interactions[id] = (InteractionClock.GetUtcNow(), false);
        return new JsonObject
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = 2,
            ["token"] = token,
            ["version"] = 1,
            ["guild_id"] = guildId,
            ["channel_id"] = "444444444444444444",
            ["locale"] = "en-US",
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = userId, ["username"] = "learner", ["global_name"] = "Learner" },
                ["roles"] = new JsonArray(),
                ["permissions"] = permissions,
            },
            ["data"] = new JsonObject { ["id"] = "555555555555555555", ["name"] = name, ["type"] = 1, ["options"] = options ?? [] },
        };
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString("D18", CultureInfo.InvariantCulture);

    private void Map(WebApplication app)
    {
        app.MapGet("/api/v10/gateway/bot", (HttpContext c) => Authorized(c, () => Results.Json(new JsonObject
        {
            ["url"] = $"ws://{BaseAddress.Authority}/gateway",
            ["shards"] = RecommendedShards,
            ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14400000, ["max_concurrency"] = MaxConcurrency },
        })));
        app.MapGet("/api/v10/applications/{app}/commands", (HttpContext c) => Authorized(c, ListCommands));
        app.MapGet("/api/v10/applications/{app}/guilds/{guild}/commands", (HttpContext c) => Authorized(c, ListCommands));
        app.MapPut("/api/v10/applications/{app}/commands", (HttpContext c, string app) => AuthorizedAsync(c, OverwriteCommandsAsync));
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", (HttpContext c, string app) => AuthorizedAsync(c, OverwriteCommandsAsync));
        app.MapPost("/api/v10/users/@me/channels", (Delegate)((HttpContext c) => AuthorizedAsync(c, CreateDmAsync)));
        app.MapPost("/api/v10/channels/{channel}/messages", (HttpContext c, string channel) => AuthorizedAsync(c, body => CreateMessage(c, channel, body)));
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", (HttpContext c, string id, string token) => RecordAsync(c, _ => Callback(id, token)));
        foreach (var original in new[] { "@original", "%40original" })
        {
            app.MapMethods($"/api/v10/webhooks/{{app}}/{{token}}/messages/{original}", ["PATCH"], (HttpContext c, string token) => RecordAsync(c, _ => Webhook(token, () => Results.Json(new JsonObject { ["id"] = NextId() }))));
            app.MapDelete($"/api/v10/webhooks/{{app}}/{{token}}/messages/{original}", (HttpContext c, string token) => RecordAsync(c, _ => Webhook(token, () => Results.NoContent())));
        }
        app.MapPost("/api/v10/webhooks/{app}/{token}", (HttpContext c, string token) => RecordAsync(c, _ => Webhook(token, () => Results.Json(new JsonObject { ["id"] = NextId() }))));
        app.Map("/gateway", (HttpContext c) => GatewayAsync(c));
        app.Map("/resume", (HttpContext c) => GatewayAsync(c));
    }

    private IResult ListCommands()
    {
        lock (_gate)
            return Results.Text(_commands.ToJsonString(), "application/json");
    }

    private IResult OverwriteCommandsAsync(JsonElement body)
    {
        var stored = AddServerFields(Encoding.UTF8.GetBytes(body.GetRawText()));
        lock (_gate)
            _commands = JsonNode.Parse(stored)!.AsArray();
        return Results.Text(Encoding.UTF8.GetString(stored), "application/json");
    }

    private IResult CreateDmAsync(JsonElement body)
    {
        var recipient = body.GetProperty("recipient_id").GetString() ?? "";
        // Discord answers with the same DM channel every time for one recipient. Its id is a snowflake like any other,
        // so the client's rate-limit buckets key it as they would on Discord (per channel).
        var channel = _dmChannelOfRecipient.GetOrAdd(recipient, r =>
        {
            var id = NextId();
            _recipientOfDmChannel[id] = r;
            return id;
        });
        return Results.Json(new JsonObject { ["id"] = channel, ["type"] = 1 });
    }

    private IResult CreateMessage(HttpContext context, string channel, JsonElement body)
    {
        if (DeletedChannels.ContainsKey(channel))
            return Error(404, 10003, "Unknown Channel");
        if (_recipientOfDmChannel.TryGetValue(channel, out var recipient) && ClosedDms.ContainsKey(recipient))
            return Error(403, 50007, "Cannot send messages to this user");
        var remaining = Interlocked.Decrement(ref _messagesRemaining);
        if (remaining <= 0)
            Interlocked.Exchange(ref _messagesRemaining, 5);
        context.Response.Headers["X-RateLimit-Limit"] = "5";
        context.Response.Headers["X-RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Reset-After"] = remaining <= 0 ? "0.2" : "1";
        context.Response.Headers["X-RateLimit-Bucket"] = "messages-bucket";
        var message = new JsonObject { ["id"] = NextId(), ["channel_id"] = channel, ["content"] = body.TryGetProperty("content", out var content) ? content.GetString() : null };
        if (body.TryGetProperty("nonce", out var nonce) && body.TryGetProperty("enforce_nonce", out var enforce) && enforce.ValueKind == JsonValueKind.True)
        {
            // Discord checks an enforced nonce against the same author's recent messages, in any channel.
            var key = context.Request.Headers.Authorization.ToString() + "/" + nonce;
            var now = Environment.TickCount64;
            while (true)
            {
                if (_noncedMessages.TryAdd(key, (message, now)))
                    break;
                if (_noncedMessages.TryGetValue(key, out var known))
                {
                    if (now - known.CreatedAtMs <= (long)NonceWindow.TotalMilliseconds)
                    {
                        Interlocked.Increment(ref _nonceReplays);
                        return Results.Text(known.Message.ToJsonString(), "application/json");
                    }
                    if (_noncedMessages.TryUpdate(key, (message, now), known))
                        break;
                }
            }
        }
        _createdPerChannel.AddOrUpdate(channel, 1, (_, count) => count + 1);
        Interlocked.Increment(ref _created);
        return Results.Text(message.ToJsonString(), "application/json");
    }

    /// <summary>The global limit, then the storm: a 429 result, or null to let the request through.</summary>
    private IResult? RateLimit(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api/v10/interactions") || path.StartsWithSegments("/api/v10/webhooks"))
            return null;
        TimeSpan? wait = null;
        var global = true;
        lock (_limitGate)
        {
            var now = Environment.TickCount64;
            var acceptedLastSecond = AcceptedGlobalInLastSecond(now);
            if (GlobalRateLimit is { } limit && acceptedLastSecond.Count >= limit)
                wait = TimeSpan.FromMilliseconds(acceptedLastSecond.Peek() + 1000 - now);
            if (wait is null && _storm is { } storm && storm.NextDouble() < _stormShare)
            {
                wait = _stormRetryAfter;
                global = storm.Next(2) == 0;
            }
            if (wait is null)
                CountGlobalRequest(now);
        }
        if (wait is not { } retryAfter)
            return null;

        Interlocked.Increment(ref _rateLimited);
        var headers = context.Response.Headers;
        headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (global)
        {
            headers["X-RateLimit-Global"] = "true";
            headers["X-RateLimit-Scope"] = "global";
        }
        else
        {
            headers["X-RateLimit-Limit"] = "5";
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Reset-After"] = retryAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            headers["X-RateLimit-Scope"] = "user";
        }
        return Results.Json(
            new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = Math.Round(retryAfter.TotalSeconds, 3), ["global"] = global },
            statusCode: 429);
    }

    private IResult Callback(string id, string token)
    {
        if (!_interactions.TryGetValue(id, out var state) || "tok-" + id != token)
            return Error(404, 10062, "Unknown interaction");
        if (InteractionClock.GetUtcNow() - state.Issued > InteractionDeadline)
            return Error(404, 10062, "Unknown interaction");
        if (state.Acknowledged || !_interactions.TryUpdate(id, (state.Issued, true), state))
            return Error(400, 40060, "Interaction has already been acknowledged.");
        return Results.NoContent();
    }

    private IResult Webhook(string token, Func<IResult> ok)
    {
        var id = token.StartsWith("tok-", StringComparison.Ordinal) ? token[4..] : "";
        if (!_interactions.TryGetValue(id, out var state) || !state.Acknowledged)
            return Error(404, 10015, "Unknown Webhook");
        return ok();
    }

    private static IResult Error(int status, int code, string message) =>
        Results.Json(new JsonObject { ["code"] = code, ["message"] = message }, statusCode: status);

    private IResult Authorized(HttpContext context, Func<IResult> handler)
    {
        var result = context.Request.Headers.Authorization.ToString() == "Bot " + BotToken ? handler() : Error(401, 0, "401: Unauthorized");
        Record(context, default, result);
        return result;
    }

    private Task<IResult> AuthorizedAsync(HttpContext context, Func<JsonElement, IResult> handler) =>
        RecordAsync(context, body => context.Request.Headers.Authorization.ToString() == "Bot " + BotToken ? handler(body) : Error(401, 0, "401: Unauthorized"));

    private async Task<IResult> RecordAsync(HttpContext context, Func<JsonElement, IResult> handler)
    {
        JsonElement body;
        List<RecordedFile> files = [];
        IResult? invalid = null;
        if (context.Request.HasFormContentType)
            (body, files, invalid) = await ReadMultipartAsync(context.Request);
        else
        {
            using var reader = new StreamReader(context.Request.Body);
            var text = await reader.ReadToEndAsync();
            body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        IResult result;
        if (invalid is not null)
            result = invalid;
        else if (!context.Request.Path.StartsWithSegments("/api/v10/interactions") && Interlocked.Decrement(ref _scripted429s) >= 0)
        {
            context.Response.Headers["X-RateLimit-Scope"] = "user";
            context.Response.Headers["Retry-After"] = "1";
            result = Results.Json(new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = 0.05, ["global"] = false }, statusCode: 429);
        }
        else
        {
            Interlocked.Exchange(ref _scripted429s, 0);
            result = RateLimit(context) ?? handler(body);
        }
        Record(context, body, result, files);
        if (ResponseLatency > TimeSpan.Zero)
            await Task.Delay(ResponseLatency);
        var holdAfter = Interlocked.Read(ref _holdAfter);
        if (holdAfter >= 0 && CreatedMessages > holdAfter && StatusOf(result) == 200 && context.Request.Method == "POST"
            && context.Request.Path.Value?.EndsWith("/messages", StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _held);
            await _holdGate.Task;
        }
        return result;
    }

    private static int StatusOf(IResult result) => result is IStatusCodeHttpResult { StatusCode: { } code } ? code : 200;

    private void Record(HttpContext context, JsonElement body, IResult result, List<RecordedFile>? files = null)
    {
        var status = StatusOf(result);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method, context.Request.Path.Value ?? "", context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.UserAgent.ToString(), body, status)
        {
            ContentType = context.Request.ContentType,
            Files = files ?? [],
        });
    }

    /// <summary>
    /// A multipart/form-data body as Discord reads it (protocols.md, Uploading Files): the message is the
    /// <c>payload_json</c> part, files are <c>files[N]</c> parts, and each needs an <c>attachments</c> entry with id N.
    /// Anything else is 50035 Invalid Form Body.
    /// </summary>
    private static async Task<(JsonElement Body, List<RecordedFile> Files, IResult? Invalid)> ReadMultipartAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var files = new List<RecordedFile>();
        foreach (var file in form.Files)
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            files.Add(new RecordedFile(file.Name, file.FileName, file.ContentType, copy.ToArray()));
        }
        if (!form.TryGetValue("payload_json", out var payload) || payload.Count != 1)
            return (default, files, Error(400, 50035, "Invalid Form Body: payload_json is missing"));
        var body = JsonDocument.Parse(payload[0]!).RootElement.Clone();
        var ids = body.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
            ? attachments.EnumerateArray().Select(a => a.GetProperty("id").GetRawText()).ToHashSet()
            : [];
        foreach (var file in files)
        {
            var n = file.Field.StartsWith("files[", StringComparison.Ordinal) && file.Field.EndsWith(']') ? file.Field[6..^1] : null;
            if (n is null || !ids.Contains(n) || string.IsNullOrEmpty(file.FileName))
                return (body, files, Error(400, 50035, $"Invalid Form Body: {file.Field} has no matching attachment"));
        }
        return (body, files, null);
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseHeldResponses();
        AbortGatewayConnections();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
