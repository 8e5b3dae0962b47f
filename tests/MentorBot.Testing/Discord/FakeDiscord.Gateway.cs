using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MentorBot.Testing.Discord;

/// <summary>
/// The fake's Gateway: one session per shard, each with its own sequence, event log for Resume replay and connection.
/// Identify carries <c>shard: [id, count]</c> (absent means <c>[0, 1]</c>); a bad shard array closes with 4010. Guild
/// events go to the shard <c>(guild_id &gt;&gt; 22) % num_shards</c>, events without a guild to shard 0 only
/// (protocols.md §4 Sharding). At most one identify per bucket (<c>shard_id % max_concurrency</c>) per
/// <see cref="IdentifyWindow"/>: a faster one is refused with op 9 and counted in <see cref="IdentifyViolations"/>.
/// </summary>
public sealed partial class FakeDiscord
{
    private const int InvalidShard = 4010;

    private readonly Dictionary<int, ShardSession> _sessions = [];
    private readonly Dictionary<int, long> _lastIdentifyByBucket = [];
    private readonly List<GatewayConnection> _connections = [];
    private readonly ConcurrentQueue<IdentifyRecord> _identifyLog = new();
    private GatewayConnection? _connection;
    private int _identifies;
    private int _identifyViolations;

    public int HeartbeatIntervalMs { get; set; } = 45000;

    /// <summary>When set, heartbeats get no ACK, so the client should treat the connection as a zombie.</summary>
    public bool SuppressHeartbeatAcks { get; set; }

    /// <summary>Replays this many already-delivered events on Resume in addition to the missed ones.</summary>
    public int ResumeReplayOverlap { get; set; }

    /// <summary>Sends a close frame with this code right after Hello when the client identifies.</summary>
    public int? CloseOnIdentify { get; set; }

    /// <summary>The shard count <c>GET /gateway/bot</c> recommends.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary><c>session_start_limit.max_concurrency</c>: identify buckets that may start in parallel.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>How close two identifies of one bucket may come; Discord's is 5 seconds.</summary>
    public TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Identifies refused because their bucket had identified less than <see cref="IdentifyWindow"/> before.</summary>
    public int IdentifyViolations => Volatile.Read(ref _identifyViolations);

    /// <summary>Every identify received: shard, shard count and when (milliseconds of <see cref="Environment.TickCount64"/>).</summary>
    public IReadOnlyList<IdentifyRecord> IdentifyLog => [.. _identifyLog];

    /// <summary>The most recently started session's id (any shard).</summary>
    public string? SessionId { get; private set; }

    /// <summary>Identifies received, refused ones included.</summary>
    public int Identifies => Volatile.Read(ref _identifies);

    public int ResumeCount { get; private set; }

    public int Connections { get; private set; }

    /// <summary>Whether a Gateway connection is open right now.</summary>
    public bool IsConnected
    {
        get
        {
            lock (_gate)
                return _connection is not null;
        }
    }

    public ConcurrentQueue<string> GatewayPaths { get; } = new();

    public ConcurrentQueue<JsonElement> ClientFrames { get; } = new();

    /// <summary>The session id of <paramref name="shardId"/>, null before it identified.</summary>
    public string? SessionIdOf(int shardId)
    {
        lock (_gate)
            return _sessions.TryGetValue(shardId, out var session) ? session.SessionId : null;
    }

    /// <summary>The shard ids that have a session now.</summary>
    public IReadOnlyList<int> ShardsWithSessions()
    {
        lock (_gate)
            return [.. _sessions.Keys.Order()];
    }

    /// <summary>
    /// Dispatches INTERACTION_CREATE on the Gateway to the shard that owns its guild (or queues it for replay while that
    /// shard's client is away). Returns the shard ids it went to: none when no session owns it.
    /// </summary>
    public async Task<IReadOnlyList<int>> DispatchAsync(JsonObject interaction)
    {
        var guild = interaction["guild_id"]?.GetValue<string>() is { } text && ulong.TryParse(text, CultureInfo.InvariantCulture, out var id) ? id : (ulong?)null;
        var sends = new List<(GatewayConnection? Connection, string Frame)>();
        var shards = new List<int>();
        lock (_gate)
        {
            foreach (var session in _sessions.Values)
            {
                var owner = guild is { } g ? ShardOfGuild(g, session.Count) : 0;
                if (owner != session.ShardId)
                    continue;
                var seq = ++session.Sequence;
                var frame = new JsonObject { ["op"] = 0, ["s"] = seq, ["t"] = "INTERACTION_CREATE", ["d"] = interaction.DeepClone() }.ToJsonString();
                session.Events.Add((seq, frame));
                sends.Add((session.Connection, frame));
                shards.Add(session.ShardId);
            }
        }
        foreach (var (connection, frame) in sends)
        {
            if (connection is not null)
                await connection.SendAsync(frame);
        }
        return shards;
    }

    /// <summary>Discord's routing: a guild's events go to shard <c>(guild_id &gt;&gt; 22) % num_shards</c>.</summary>
    public static int ShardOfGuild(ulong guildId, int count) => (int)((guildId >> 22) % (ulong)count);

    /// <summary>A guild id that Discord routes to <paramref name="shardId"/> of <paramref name="count"/> shards.</summary>
    public static string GuildOnShard(int shardId, int count, int n = 0) =>
        ((ulong)(shardId + count * (n + 1)) << 22 | 12345UL).ToString(CultureInfo.InvariantCulture);

    /// <summary>Kills the most recent connection's TCP without a close frame, as a network failure would.</summary>
    public void DropConnection() => _connection?.Socket.Abort();

    /// <summary>Kills the TCP connection of <paramref name="shardId"/>'s session.</summary>
    public void DropConnection(int shardId)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(shardId, out var session))
                session.Connection?.Socket.Abort();
        }
    }

    /// <summary>Op 1 from the server: the client must heartbeat immediately.</summary>
    public Task RequestHeartbeatAsync() => _connection?.SendAsync("""{"op":1,"d":null}""") ?? Task.CompletedTask;

    public Task SendReconnectAsync() => _connection?.SendAsync("""{"op":7,"d":null}""") ?? Task.CompletedTask;

    public Task SendInvalidSessionAsync(bool resumable) =>
        _connection?.SendAsync($$"""{"op":9,"d":{{(resumable ? "true" : "false")}}}""") ?? Task.CompletedTask;

    public async Task CloseAsync(int code)
    {
        if (_connection is { } connection)
            await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close", CancellationToken.None);
    }

    private void AbortGatewayConnections()
    {
        lock (_gate)
        {
            foreach (var connection in _connections)
                connection.Socket.Abort();
        }
    }

    private async Task GatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        GatewayPaths.Enqueue(context.Request.Path + context.Request.QueryString);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new GatewayConnection(socket);
        lock (_gate)
        {
            _connection = connection;
            _connections.Add(connection);
            Connections++;
        }
        await connection.SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{HeartbeatIntervalMs}}},"s":null,"t":null}""");
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                var frame = JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
                ClientFrames.Enqueue(frame);
                await OnClientFrameAsync(connection, frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away; its session stays resumable.
        }
        lock (_gate)
        {
            _connections.Remove(connection);
            if (_connection == connection)
                _connection = null;
            foreach (var session in _sessions.Values)
            {
                if (session.Connection == connection)
                    session.Connection = null;
            }
        }
    }

    private async Task OnClientFrameAsync(GatewayConnection connection, JsonElement frame)
    {
        switch (frame.GetProperty("op").GetInt32())
        {
            case 1:
                if (!SuppressHeartbeatAcks)
                    await connection.SendAsync("""{"op":11}""");
                break;
            case 2:
                await OnIdentifyAsync(connection, frame.GetProperty("d"));
                break;
            case 6:
                await OnResumeAsync(connection, frame.GetProperty("d"));
                break;
        }
    }

    private async Task OnIdentifyAsync(GatewayConnection connection, JsonElement d)
    {
        var count = Interlocked.Increment(ref _identifies);
        if (CloseOnIdentify is { } code)
        {
            await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close", CancellationToken.None);
            return;
        }
        if (!TryReadShard(d, out var shardId, out var shardCount))
        {
            await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)InvalidShard, "Invalid shard.", CancellationToken.None);
            return;
        }
        var now = Environment.TickCount64;
        _identifyLog.Enqueue(new IdentifyRecord(shardId, shardCount, now));

        string ready;
        lock (_gate)
        {
            var bucket = shardId % Math.Max(1, MaxConcurrency);
            if (_lastIdentifyByBucket.TryGetValue(bucket, out var last) && now - last < (long)IdentifyWindow.TotalMilliseconds)
            {
                Interlocked.Increment(ref _identifyViolations);
                ready = "";
            }
            else
            {
                _lastIdentifyByBucket[bucket] = now;
                var session = new ShardSession(shardId, shardCount, "session-" + count) { Connection = connection };
                _sessions[shardId] = session;
                SessionId = session.SessionId;
                var seq = ++session.Sequence;
                ready = new JsonObject
                {
                    ["op"] = 0,
                    ["s"] = seq,
                    ["t"] = "READY",
                    ["d"] = new JsonObject
                    {
                        ["v"] = 10,
                        ["user"] = new JsonObject { ["id"] = ApplicationId, ["username"] = "MentorBot", ["bot"] = true },
                        ["guilds"] = new JsonArray(),
                        ["session_id"] = session.SessionId,
                        ["resume_gateway_url"] = $"ws://{BaseAddress.Authority}/resume",
                        ["shard"] = new JsonArray(shardId, shardCount),
                        ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
                    },
                }.ToJsonString();
            }
        }
        // Identifying faster than max_concurrency per 5 s is answered with an Invalid Session (protocols.md §4).
        await connection.SendAsync(ready.Length == 0 ? """{"op":9,"d":false}""" : ready);
    }

    private async Task OnResumeAsync(GatewayConnection connection, JsonElement d)
    {
        var sessionId = d.GetProperty("session_id").GetString();
        ShardSession? session;
        lock (_gate)
            session = _sessions.Values.FirstOrDefault(s => s.SessionId == sessionId);
        if (session is null || d.GetProperty("token").GetString() != BotToken)
        {
            await connection.SendAsync("""{"op":9,"d":false}""");
            return;
        }
        ResumeCount++;
        var last = d.GetProperty("seq").ValueKind == JsonValueKind.Number ? d.GetProperty("seq").GetInt64() : 0;
        List<string> replay;
        long resumedSeq;
        lock (_gate)
        {
            session.Connection = connection;
            var missed = session.Events.FindIndex(e => e.Seq > last);
            var from = Math.Max(0, (missed < 0 ? session.Events.Count : missed) - ResumeReplayOverlap);
            replay = [.. session.Events.Skip(from).Select(e => e.Frame)];
            resumedSeq = ++session.Sequence;
        }
        foreach (var frameText in replay)
            await connection.SendAsync(frameText);
        await connection.SendAsync("{\"op\":0,\"s\":" + resumedSeq.ToString(CultureInfo.InvariantCulture) + ",\"t\":\"RESUMED\",\"d\":{}}");
    }

    /// <summary>Reads <c>shard: [id, count]</c>; absent means an unsharded bot, <c>[0, 1]</c>.</summary>
    private static bool TryReadShard(JsonElement d, out int shardId, out int shardCount)
    {
        shardId = 0;
        shardCount = 1;
        if (!d.TryGetProperty("shard", out var shard) || shard.ValueKind == JsonValueKind.Null)
            return true;
        return shard.ValueKind == JsonValueKind.Array && shard.GetArrayLength() == 2
            && shard[0].TryGetInt32(out shardId) && shard[1].TryGetInt32(out shardCount)
            && shardCount >= 1 && shardId >= 0 && shardId < shardCount;
    }

    private sealed class ShardSession(int shardId, int count, string sessionId)
    {
        public int ShardId { get; } = shardId;

        public int Count { get; } = count;

        public string SessionId { get; } = sessionId;

        public List<(long Seq, string Frame)> Events { get; } = [];

        public long Sequence { get; set; }

        public GatewayConnection? Connection { get; set; }
    }

    private sealed class GatewayConnection(WebSocket socket) : IDisposable
    {
        public void Dispose() => _send.Dispose();

        private readonly SemaphoreSlim _send = new(1, 1);

        public WebSocket Socket { get; } = socket;

        public async Task SendAsync(string frame)
        {
            // The lock itself is inside the catch: the accept loop disposes this connection as soon as the client
            // hangs up, which can fall between a finished send and its Release.
            try
            {
                await _send.WaitAsync();
                try
                {
                    if (Socket.State == WebSocketState.Open)
                        await Socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
                }
                finally
                {
                    _send.Release();
                }
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
            {
                // Dropped mid-send; the event stays in the session for replay.
            }
        }
    }
}

/// <summary>One identify the fake received: which shard of how many, and when (<see cref="Environment.TickCount64"/>).</summary>
public sealed record IdentifyRecord(int ShardId, int ShardCount, long AtMs);
