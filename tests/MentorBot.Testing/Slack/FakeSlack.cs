using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Testing.Slack;

/// <summary>
/// A Slack on loopback, built from the documented shapes (protocols.md §7–11): the Web API methods the adapter uses,
/// with their <c>ok:false</c> errors and 429s; <c>apps.connections.open</c> handing out one-time WebSocket URLs; a Socket
/// Mode server that says hello, sends envelopes, re-sends unacknowledged ones with <c>retry_attempt</c>, and sends
/// <c>disconnect</c>; and <c>response_url</c> endpoints that record what was posted to them.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake-bot-token";
    public const string AppToken = "xapp-fake-app-token";
    public const string TeamId = "T0FAKE";
    public const string BotUserId = "U0BOT";
    public const string BotId = "B0BOT";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeSlackFailure>> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeEnvelope> _envelopes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private readonly List<FakeSocketConnection> _connections = [];
    private readonly Lock _connectionsLock = new();
    private readonly CancellationTokenSource _shutdown = new();
    private int _connectionCount;
    private int _messageCount;
    private int _fileCount;

    private FakeSlack(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiUrl => new(BaseUrl, "api/");

    public ConcurrentDictionary<string, FakeSlackUser> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Channels that exist besides DMs; <c>chat.postMessage</c> to anything else is <c>channel_not_found</c>.</summary>
    public ConcurrentDictionary<string, bool> Channels { get; } = new(StringComparer.Ordinal);

    /// <summary>Channels (DMs included) that exist but are archived: <c>chat.postMessage</c> there is <c>is_archived</c>.</summary>
    public ConcurrentDictionary<string, bool> ArchivedChannels { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<FakeSlackCall> Calls { get; } = new();

    /// <summary>The clock that stamps message <c>ts</c> values (and so what <c>conversations.history</c>'s <c>oldest</c> filters).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Every message posted, per channel, oldest first, as <c>conversations.history</c> serves them.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> History { get; } = new(StringComparer.Ordinal);

    /// <summary>How long a method takes to answer, for tests of slow Slack.</summary>
    public ConcurrentDictionary<string, TimeSpan> Latency { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes calls of <paramref name="method"/> wait, after they are recorded, until the returned gate is opened: a
    /// Slack that is slow for exactly as long as a test needs, whatever the machine's load.
    /// </summary>
    public TaskCompletionSource Hold(string method)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds[method] = gate;
        return gate;
    }

    public ConcurrentQueue<(string Id, JsonObject Body)> ResponseUrlPosts { get; } = new();

    /// <summary>How long an envelope may go unacknowledged before the fake sends it again.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a connection told to disconnect stays open if the client does not close it first.</summary>
    public TimeSpan DisconnectGrace { get; set; } = TimeSpan.FromSeconds(2);

    public int ConnectionsOpened => Volatile.Read(ref _connectionCount);

    public int OpenConnections
    {
        get
        {
            lock (_connectionsLock)
                return _connections.Count(c => c.IsOpen);
        }
    }

    /// <summary>For each closed connection: how many other connections were open at that moment.</summary>
    public ConcurrentQueue<(int Number, bool WasDraining, int OthersOpen)> Closures { get; } = new();

    /// <summary>Files by id, from <c>files.getUploadURLExternal</c> on; see <see cref="FakeSlackFile"/>.</summary>
    public ConcurrentDictionary<string, FakeSlackFile> Files { get; } = new(StringComparer.Ordinal);

    public IEnumerable<JsonObject> PostedMessages => Calls.Where(c => c.Method == "chat.postMessage").Select(c => c.Arguments);

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (HttpContext context, string method) => fake.HandleApiAsync(context, method));
        app.MapGet("/api/{method}", (HttpContext context, string method) => fake.HandleApiAsync(context, method));
        app.MapPost("/response/{id}", (HttpContext context, string id) => fake.HandleResponseUrlAsync(context, id));
        app.MapPost("/upload/{id}", (HttpContext context, string id) => fake.HandleUploadAsync(context, id));
        app.Map("/link", fake.HandleSocketAsync);
        await app.StartAsync();
        fake.BaseUrl = LoopbackApp.AddressOf(app);
        fake.Users[BotUserId] = new FakeSlackUser(BotUserId, "mentorbot", IsBot: true);
        fake.Channels["C0GENERAL"] = true;
        return fake;
    }

    /// <summary>Adds a message someone else wrote (a learner talking to the bot) to a channel's history, stamped now.</summary>
    public void AddMessage(string channel, string user, string text)
    {
        var ts = $"{Time.GetUtcNow().ToUnixTimeSeconds()}.{Interlocked.Increment(ref _messageCount):D6}";
        History.GetOrAdd(channel, _ => new ConcurrentQueue<JsonObject>())
            .Enqueue(new JsonObject { ["type"] = "message", ["text"] = text, ["user"] = user, ["ts"] = ts });
    }

    /// <summary>Makes the next call(s) of <paramref name="method"/> fail as scripted, in order.</summary>
    public void FailNext(string method, FakeSlackFailure failure) =>
        _failures.GetOrAdd(method, _ => new ConcurrentQueue<FakeSlackFailure>()).Enqueue(failure);

    public Uri NewResponseUrl() => new(BaseUrl, "response/" + Guid.NewGuid().ToString("N"));

    /// <summary>The <c>block_actions</c> payload Slack sends when <paramref name="userId"/> clicks <paramref name="button"/> in #general.</summary>
    public static JsonObject ButtonClick(string userId, string username, Uri responseUrl, JsonElement button) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = username, ["team_id"] = TeamId },
        ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "fake-team" },
        ["channel"] = new JsonObject { ["id"] = "C0GENERAL", ["name"] = "general" },
        ["response_url"] = responseUrl.ToString(),
        ["trigger_id"] = "1.2.3",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = button.GetProperty("action_id").GetString(),
            ["block_id"] = "b1",
            ["value"] = button.GetProperty("value").GetString(),
            ["action_ts"] = "1700000000.1",
        }),
    };

    public int CallCount(string method) => Calls.Count(c => c.Method == method);

    /// <summary>Sends an envelope to the newest healthy connection and keeps re-sending it until it is acknowledged.</summary>
    public async Task<FakeEnvelope> SendEnvelopeAsync(string type, JsonObject payload, bool acceptsResponsePayload = false)
    {
        var envelope = new FakeEnvelope(Guid.NewGuid().ToString(), type, payload, acceptsResponsePayload);
        _envelopes[envelope.Id] = envelope;
        await DeliverAsync(envelope);
        _ = RetryUntilAckedAsync(envelope);
        return envelope;
    }

    /// <summary>Sends a frame exactly as given to the newest healthy connection: for frames Slack would never send.</summary>
    public async Task SendRawFrameAsync(JsonObject frame)
    {
        if (Current() is { } connection)
            await connection.SendAsync(frame);
    }

    /// <summary>Sends the same envelope again with the next <c>retry_attempt</c>, as Slack does when it thinks an ack was lost.</summary>
    public async Task RedeliverAsync(FakeEnvelope envelope)
    {
        envelope.Attempts++;
        await DeliverAsync(envelope);
    }

    /// <summary>Sends <c>disconnect</c> to the newest connection; unless the reason is <c>link_disabled</c> the connection is closed after the grace period.</summary>
    public async Task<FakeSocketConnection> SendDisconnectAsync(string reason)
    {
        var connection = Current() ?? throw new InvalidOperationException("No Socket Mode connection is open.");
        connection.Draining = true;
        await connection.SendAsync(new JsonObject
        {
            ["type"] = "disconnect",
            ["reason"] = reason,
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake" },
        });
        _ = CloseAfterGraceAsync(connection);
        return connection;
    }

    /// <summary>Cuts every connection without a close handshake, as a network failure would.</summary>
    public void DropAllConnections()
    {
        lock (_connectionsLock)
        {
            foreach (var connection in _connections)
                connection.Socket.Abort();
        }
    }

    /// <summary>Waits until <paramref name="opened"/> connections have been opened and one is current; throws on timeout.</summary>
    public Task WaitForConnectionsAsync(int opened, TimeSpan timeout, string what) =>
        Wait.UntilAsync(() => ConnectionsOpened >= opened && Current() is not null, what, (int)timeout.TotalMilliseconds);

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        DropAllConnections();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _shutdown.Dispose();
    }

    private FakeSocketConnection? Current()
    {
        lock (_connectionsLock)
            return _connections.LastOrDefault(c => c.IsOpen && !c.Draining);
    }

    private async Task DeliverAsync(FakeEnvelope envelope)
    {
        if (Current() is { } connection)
            await connection.SendAsync(envelope.ToFrame());
    }

    private async Task RetryUntilAckedAsync(FakeEnvelope envelope)
    {
        // Slack retries up to three times; the fake keeps going a little longer so a test sees any loss as a hang, not a pass.
        for (var attempt = 1; attempt <= 5 && !_shutdown.IsCancellationRequested; attempt++)
        {
            await Task.WhenAny(envelope.FirstAck, Task.Delay(AckTimeout, _shutdown.Token));
            if (envelope.IsAcked || _shutdown.IsCancellationRequested)
                return;
            envelope.Attempts = attempt;
            await DeliverAsync(envelope);
        }
    }

    private async Task CloseAfterGraceAsync(FakeSocketConnection connection)
    {
        try
        {
            await Task.Delay(DisconnectGrace, _shutdown.Token);
            if (connection.Socket.State == WebSocketState.Open)
                await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", CancellationToken.None);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The client closed first, or the fake is shutting down.
        }
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        // A ticket is good for one connection, like Slack's wss:// URLs.
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryRemove(ticket, out _))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeSocketConnection(Interlocked.Increment(ref _connectionCount), socket);
        await connection.SendAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = OpenConnections + 1,
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake", ["build_number"] = 10, ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = "A0FAKE" },
        });
        lock (_connectionsLock)
            _connections.Add(connection);

        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open && !_shutdown.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, _shutdown.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                var frame = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (frame["envelope_id"]?.GetValue<string>() is { } id && _envelopes.TryGetValue(id, out var envelope))
                    envelope.Ack(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Dropped; the client is expected to reconnect.
        }
        finally
        {
            lock (_connectionsLock)
            {
                _connections.Remove(connection);
                Closures.Enqueue((connection.Number, connection.Draining, _connections.Count(c => c.IsOpen)));
            }

            connection.Dispose();
        }
    }

    private async Task HandleResponseUrlAsync(HttpContext context, string id)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        ResponseUrlPosts.Enqueue((id, body!.AsObject()));
        await context.Response.WriteAsync("ok");
    }

    private async Task HandleApiAsync(HttpContext context, string method)
    {
        var arguments = await ReadArgumentsAsync(context.Request);
        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
        Calls.Enqueue(new FakeSlackCall(method, token, arguments, context.Request.ContentType));
        if (Latency.TryGetValue(method, out var latency))
            await Task.Delay(latency);
        if (_holds.TryGetValue(method, out var hold))
            await hold.Task.WaitAsync(_shutdown.Token);

        FakeSlackFailure? lost = null;
        if (_failures.TryGetValue(method, out var queue) && queue.TryPeek(out var next) && next.AfterApplying && queue.TryDequeue(out lost))
        {
            // Handled below: the call takes effect, then the answer is lost.
        }
        else if (queue is not null && queue.TryDequeue(out var failure))
        {
            if (failure.Abort)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = failure.Status;
            if (failure.RawBody is { } raw)
            {
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync(raw);
                return;
            }

            if (failure.RetryAfterSeconds is { } seconds)
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(Error(failure.Error));
            return;
        }

        var expected = method == "apps.connections.open" ? AppToken : BotToken;
        JsonObject answer;
        if (string.IsNullOrEmpty(token))
            answer = Error("not_authed");
        else if (token != expected)
            answer = Error("invalid_auth");
        else
        {
            answer = method switch
            {
                "auth.test" => Ok(new JsonObject
                {
                    ["url"] = "https://fake-team.slack.com/",
                    ["team"] = "Fake Team",
                    ["user"] = "mentorbot",
                    ["team_id"] = TeamId,
                    ["user_id"] = BotUserId,
                    ["bot_id"] = BotId,
                    ["is_enterprise_install"] = false,
                }),
                "chat.postMessage" => PostMessage(arguments),
                "conversations.open" => OpenConversation(arguments),
                "users.info" => UserInfo(arguments),
                "conversations.history" => ConversationHistory(arguments),
                "apps.connections.open" => OpenConnection(),
                "files.getUploadURLExternal" => GetUploadUrl(arguments),
                "files.completeUploadExternal" => CompleteUpload(arguments),
                _ => Error("unknown_method"),
            };
        }

        if (lost is not null)
        {
            context.Abort();
            return;
        }

        await context.Response.WriteAsync(answer.ToJsonString(), Encoding.UTF8);
    }

    private JsonObject PostMessage(JsonObject arguments)
    {
        var channel = arguments["channel"]?.GetValue<string>();
        if (string.IsNullOrEmpty(channel))
            return Error("channel_not_found");
        if (ArchivedChannels.ContainsKey(channel))
            return Error("is_archived");
        var isDm = channel.StartsWith('D') && Users.ContainsKey("U" + channel[1..]);
        if (!isDm && !Channels.ContainsKey(channel) && !Users.ContainsKey(channel))
            return Error("channel_not_found");
        var text = arguments["text"]?.GetValue<string>();
        var blocks = arguments["blocks"] as JsonArray;
        if (string.IsNullOrEmpty(text) && (blocks is null || blocks.Count == 0))
            return Error("no_text");
        if (text is { Length: > 40000 })
            return Error("msg_too_long");
        if (blocks is not null && !BlocksValid(blocks))
            return Error("invalid_blocks");
        if (arguments["metadata"] is { } metadata && !MetadataValid(metadata))
            return Error("invalid_metadata_format");
        // Seconds from the fake's clock, then a counter in the microseconds, so ts values are unique and ordered.
        var ts = $"{Time.GetUtcNow().ToUnixTimeSeconds()}.{Interlocked.Increment(ref _messageCount):D6}";
        var message = new JsonObject { ["type"] = "message", ["text"] = text, ["user"] = BotUserId, ["bot_id"] = BotId, ["ts"] = ts };
        var stored = (JsonObject)message.DeepClone();
        if (arguments["metadata"] is { } kept)
            stored["metadata"] = kept.DeepClone();
        History.GetOrAdd(channel, _ => new ConcurrentQueue<JsonObject>()).Enqueue(stored);
        return Ok(new JsonObject
        {
            ["channel"] = channel,
            ["ts"] = ts,
            ["message"] = message,
        });
    }

    /// <summary>Slack's message metadata: an object with a string event_type and an object event_payload.</summary>
    private static bool MetadataValid(JsonNode metadata) =>
        metadata is JsonObject obj
        && obj["event_type"] is JsonValue type && type.TryGetValue<string>(out var name) && name.Length > 0
        && obj["event_payload"] is JsonObject;

    /// <summary>
    /// Newest first, messages after <c>oldest</c>, <c>limit</c> per page with a cursor; metadata only with
    /// <c>include_all_metadata=true</c>, as Slack answers.
    /// </summary>
    private JsonObject ConversationHistory(JsonObject arguments)
    {
        var channel = arguments["channel"]?.GetValue<string>();
        if (string.IsNullOrEmpty(channel))
            return Error("channel_not_found");
        var isDm = channel.StartsWith('D') && Users.ContainsKey("U" + channel[1..]);
        if (!isDm && !Channels.ContainsKey(channel) && !ArchivedChannels.ContainsKey(channel))
            return Error("channel_not_found");
        var oldest = decimal.Parse(arguments["oldest"]?.GetValue<string>() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var limit = int.Parse(arguments["limit"]?.GetValue<string>() ?? "100", System.Globalization.CultureInfo.InvariantCulture);
        var offset = int.Parse(arguments["cursor"]?.GetValue<string>() is { Length: > 0 } c ? c : "0", System.Globalization.CultureInfo.InvariantCulture);
        var withMetadata = arguments["include_all_metadata"]?.GetValue<string>() == "true";
        var matching = (History.TryGetValue(channel, out var posted) ? posted.ToArray() : [])
            .Where(m => decimal.Parse(m["ts"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > oldest)
            .Reverse()
            .ToList();
        var page = new JsonArray();
        foreach (var message in matching.Skip(offset).Take(limit))
        {
            var copy = (JsonObject)message.DeepClone();
            if (!withMetadata)
                copy.Remove("metadata");
            page.Add(copy);
        }

        var hasMore = offset + limit < matching.Count;
        return Ok(new JsonObject
        {
            ["messages"] = page,
            ["has_more"] = hasMore,
            ["pin_count"] = 0,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = hasMore ? (offset + limit).ToString(System.Globalization.CultureInfo.InvariantCulture) : "" },
        });
    }

    /// <summary>The Block Kit limits the adapter must respect (protocols.md §7).</summary>
    private static bool BlocksValid(JsonArray blocks)
    {
        if (blocks.Count > 50)
            return false;
        foreach (var block in blocks)
        {
            var type = block?["type"]?.GetValue<string>();
            var text = block?["text"]?["text"]?.GetValue<string>();
            if (type == "section" && text is { Length: > 3000 or 0 })
                return false;
            if (type == "header" && text is { Length: > 150 })
                return false;
            if (block?["fields"] is JsonArray fields && (fields.Count > 10 || fields.Any(f => f?["text"]?.GetValue<string>().Length > 2000)))
                return false;
        }

        return true;
    }

    private JsonObject GetUploadUrl(JsonObject arguments)
    {
        var name = arguments["filename"]?.GetValue<string>();
        var lengthText = arguments["length"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name) || !int.TryParse(lengthText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) || length <= 0)
            return Error("missing_argument");
        var id = "F" + Interlocked.Increment(ref _fileCount).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        Files[id] = new FakeSlackFile(id, name, length);
        return Ok(new JsonObject { ["upload_url"] = new Uri(BaseUrl, "upload/" + id).ToString(), ["file_id"] = id });
    }

    /// <summary>The bytes, raw or as one multipart file part; Slack answers 200 with "OK - length".</summary>
    private async Task HandleUploadAsync(HttpContext context, string id)
    {
        if (!Files.TryGetValue(id, out var file))
        {
            context.Response.StatusCode = 404;
            return;
        }
        using var copy = new MemoryStream();
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            var part = form.Files.Count == 1 ? form.Files[0] : null;
            if (part is null)
            {
                context.Response.StatusCode = 400;
                return;
            }
            await part.CopyToAsync(copy);
            file.ContentType = part.ContentType;
        }
        else
        {
            await context.Request.Body.CopyToAsync(copy);
            file.ContentType = context.Request.ContentType;
        }
        file.Content = copy.ToArray();
        await context.Response.WriteAsync("OK - " + file.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Each file must have been uploaded with the length announced; a channel must be one the bot can post in.</summary>
    private JsonObject CompleteUpload(JsonObject arguments)
    {
        if (arguments["files"]?.GetValue<string>() is not { } filesText || JsonNode.Parse(filesText) is not JsonArray files || files.Count == 0)
            return Error("invalid_arguments");
        var channel = arguments["channel_id"]?.GetValue<string>();
        if (channel is not null)
        {
            var isDm = channel.StartsWith('D') && Users.ContainsKey("U" + channel[1..]);
            if (!isDm && !Channels.ContainsKey(channel))
                return Error("channel_not_found");
        }
        var found = new List<(FakeSlackFile File, string? Title)>();
        foreach (var entry in files)
        {
            var id = entry?["id"]?.GetValue<string>();
            if (id is null || !Files.TryGetValue(id, out var file) || file.Content is null || file.Content.Length != file.Length)
                return Error("file_not_found");
            found.Add((file, entry?["title"]?.GetValue<string>()));
        }
        foreach (var (file, title) in found)
        {
            file.Title = title;
            file.SharedIn = channel;
            file.InitialComment = arguments["initial_comment"]?.GetValue<string>();
        }
        return Ok(new JsonObject { ["files"] = new JsonArray([.. found.Select(f => (JsonNode?)new JsonObject { ["id"] = f.File.Id, ["title"] = f.Title })]) });
    }

    private JsonObject OpenConversation(JsonObject arguments)
    {
        var users = arguments["users"]?.GetValue<string>();
        if (string.IsNullOrEmpty(users))
            return Error("users_list_not_supplied");
        if (!Users.TryGetValue(users, out var user))
            return Error("user_not_found");
        if (user.IsBot)
            return Error("cannot_dm_bot");
        return Ok(new JsonObject { ["no_op"] = true, ["already_open"] = true, ["channel"] = new JsonObject { ["id"] = "D" + users[1..] } });
    }

    private JsonObject UserInfo(JsonObject arguments)
    {
        var id = arguments["user"]?.GetValue<string>();
        if (id is null || !Users.TryGetValue(id, out var user))
            return Error("user_not_found");
        return Ok(new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["id"] = user.Id,
                ["team_id"] = TeamId,
                ["name"] = user.Name,
                ["deleted"] = false,
                ["real_name"] = user.Name,
                ["tz"] = user.TimeZone,
                ["tz_label"] = "Central European Time",
                ["tz_offset"] = 3600,
                ["profile"] = new JsonObject { ["display_name"] = user.Name, ["real_name"] = user.Name },
                ["is_admin"] = user.IsAdmin,
                ["is_owner"] = user.IsOwner,
                ["is_primary_owner"] = false,
                ["is_restricted"] = false,
                ["is_ultra_restricted"] = false,
                ["is_bot"] = user.IsBot,
                ["is_app_user"] = false,
            },
        });
    }

    private JsonObject OpenConnection()
    {
        var ticket = Guid.NewGuid().ToString("N");
        _tickets[ticket] = true;
        var ws = new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/link/", Query = $"ticket={ticket}&app_id=A0FAKE" };
        return Ok(new JsonObject { ["url"] = ws.Uri.ToString() });
    }

    private static async Task<JsonObject> ReadArgumentsAsync(HttpRequest request)
    {
        var arguments = new JsonObject();
        foreach (var (key, value) in request.Query)
            arguments[key] = value.ToString();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(body))
            return arguments;
        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            foreach (var (key, value) in JsonNode.Parse(body)!.AsObject())
                arguments[key] = value?.DeepClone();
        }
        else
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(body))
                arguments[key] = value.ToString();
        }

        return arguments;
    }

    private static JsonObject Ok(JsonObject fields)
    {
        var answer = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in fields)
            answer[key] = value?.DeepClone();
        return answer;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    /// <summary>Parses JSON text for assertions.</summary>
    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
