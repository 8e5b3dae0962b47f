using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using MentorBot.Core.Background;
using MentorBot.Core.Resilience;
using MentorBot.Core.WebSockets;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord.Gateway;

/// <summary>
/// One Gateway connection (a single shard) that receives INTERACTION_CREATE and answers over REST. It keeps the
/// session across drops (Resume on <c>resume_gateway_url</c> with the last sequence), detects zombie connections
/// by missed heartbeat ACKs, backs off with jitter, and stops for good on close codes that reconnecting cannot fix.
/// A new session waits for its turn at the <see cref="IIdentifyGate"/>, which the bot's other shards share.
/// The socket comes from an <see cref="IWebSocketFactory"/> and randomness from an <see cref="IJitterSource"/>, so tests
/// can script the Gateway and pin every wait on a fake clock.
/// </summary>
public sealed partial class GatewayClient(
    DiscordRestClient rest,
    InteractionProcessor processor,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<GatewayClient> logger,
    IIdentifyGate identifyGate,
    ShardInfo shard,
    IBackgroundWorkQueue background,
    GatewayBotInfo? gatewayBot = null,
    DiscordAdapterStatus? status = null,
    IWebSocketFactory? sockets = null,
    IJitterSource? jitter = null) : IDisposable
{
    /// <summary>
    /// Reconnect after failure n: full jitter over 0.5 s, 1 s, 2 s, … up to 60 s. Starting small keeps a routine
    /// reconnect quick; full jitter spreads a fleet that lost Discord at the same moment.
    /// </summary>
    public static readonly Backoff Reconnect = new(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(60), BackoffJitter.Full);

    private readonly IWebSocketFactory _sockets = sockets ?? ClientWebSocketFactory.Instance;
    private readonly IJitterSource _jitter = jitter ?? RandomJitter.Instance;
    private const double InvalidSessionMinSeconds = 1;
    private const double InvalidSessionMaxSeconds = 5;
    private const int RememberedInteractions = 1000;
    private const int NormalClosureForResume = 4000;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Queue<string> _handledOrder = new();
    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);
    private string? _gatewayUrl = string.IsNullOrEmpty(gatewayBot?.Url) ? null : gatewayBot.Url;
    private int _maxConcurrency = Math.Max(1, gatewayBot?.SessionStartLimit?.MaxConcurrency ?? 1);
    private string? _sessionId;
    private string? _resumeUrl;
    // Set by op 9: the next attempt waits InvalidSessionWait instead of the usual backoff.
    private bool _invalidSession;
    // Read by the heartbeat loop while the receive loop writes it; -1 stands for "no dispatch yet".
    private long _lastSequenceValue = -1;

    /// <summary>Set when a fatal close code stopped the adapter.</summary>
    public int? FatalCloseCode { get; private set; }

    /// <summary>Number of READY and RESUMED events seen, for tests and health.</summary>
    public int Readies { get; private set; }

    public int Resumes { get; private set; }

    public ShardInfo Shard => shard;

    /// <summary>Connects, and keeps connected until <paramref name="stoppingToken"/> fires or a fatal close code.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            CloseAction action;
            try
            {
                if (_gatewayUrl is null)
                {
                    var info = await rest.GetGatewayBotAsync(stoppingToken).ConfigureAwait(false);
                    _gatewayUrl = info?.Url;
                    _maxConcurrency = Math.Max(1, info?.SessionStartLimit?.MaxConcurrency ?? _maxConcurrency);
                }
                if (string.IsNullOrEmpty(_gatewayUrl))
                    throw new WebSocketException("Discord returned no Gateway URL.");
                var resume = _sessionId is not null && _resumeUrl is not null;
                var (code, healthy) = await RunConnectionAsync(resume ? _resumeUrl! : _gatewayUrl, resume, stoppingToken).ConfigureAwait(false);
                if (healthy)
                    failures = 0;
                action = CloseCodes.Classify(code);
                if (action == CloseAction.Fatal)
                {
                    FatalCloseCode = code;
                    var reason = CloseCodes.Explain(code!.Value);
                    LogFatal(logger, shard, code.Value, reason);
                    return;
                }
                LogClosed(logger, shard, code, action);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DiscordApiException ex) when (ex.Status == HttpStatusCode.Unauthorized)
            {
                FatalCloseCode = CloseCodes.AuthenticationFailed;
                var reason = CloseCodes.Explain(CloseCodes.AuthenticationFailed);
                LogFatal(logger, shard, CloseCodes.AuthenticationFailed, reason);
                return;
            }
            // Whatever else went wrong (network, timeouts, a malformed frame) is retried with backoff: an exception
            // escaping a hosted service would stop the whole host.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogConnectionFailed(logger, ex, shard, ex.Message);
                action = CloseAction.Resume;
                // A Gateway URL that stopped working may have moved; ask again next time.
                _gatewayUrl = null;
            }

            if (action == CloseAction.Reidentify)
                ForgetSession();
            failures++;
            var delay = _invalidSession ? InvalidSessionWait(_jitter.NextDouble()) : Reconnect.Delay(failures, _jitter);
            _invalidSession = false;
            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Discord asks a client that got op 9 to wait a random 1 to 5 seconds before identifying again, so clients whose
    /// sessions were invalidated together (or that identified too fast) do not come back in one burst.
    /// </summary>
    /// <param name="random">A value in [0, 1).</param>
    internal static TimeSpan InvalidSessionWait(double random) =>
        TimeSpan.FromSeconds(InvalidSessionMinSeconds + ((InvalidSessionMaxSeconds - InvalidSessionMinSeconds) * Math.Clamp(random, 0, 1)));

    private long? _lastSequence
    {
        get => Interlocked.Read(ref _lastSequenceValue) is var value and >= 0 ? value : null;
        set => Interlocked.Exchange(ref _lastSequenceValue, value ?? -1);
    }

    private void ForgetSession()
    {
        _sessionId = null;
        _resumeUrl = null;
        _lastSequence = null;
    }

    /// <returns>The close code (null for a drop without one) and whether the session got going before it ended.</returns>
    private async Task<(int? Code, bool Healthy)> RunConnectionAsync(string baseUrl, bool resume, CancellationToken stoppingToken)
    {
        using var socket = _sockets.Create();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var url = baseUrl.TrimEnd('/') + "/?v=10&encoding=json";
        await socket.ConnectAsync(new Uri(url), connection.Token).ConfigureAwait(false);
        LogConnected(logger, shard, resume);

        var healthy = false;
        var acked = true;
        Task? heartbeat = null;
        try
        {
            while (true)
            {
                var (payload, closeCode) = await ReceiveAsync(socket, connection.Token).ConfigureAwait(false);
                if (payload is null)
                    return (closeCode, healthy);
                switch (payload.Op)
                {
                    case GatewayOpcodes.Hello:
                        var hello = payload.D?.Deserialize(DiscordJson.Default.HelloEvent) ?? new HelloEvent();
                        var interval = TimeSpan.FromMilliseconds(Math.Max(1, hello.HeartbeatInterval));
                        heartbeat = HeartbeatLoopAsync(socket, interval, () => acked, v => acked = v, connection);
                        if (resume)
                            await SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(new ResumeCommand(new ResumeData(options.Value.BotToken ?? "", _sessionId!, _lastSequence)), DiscordJson.Default.ResumeCommand), connection.Token).ConfigureAwait(false);
                        else
                            await IdentifyAsync(socket, connection.Token).ConfigureAwait(false);
                        break;
                    case GatewayOpcodes.HeartbeatAck:
                        acked = true;
                        break;
                    case GatewayOpcodes.Heartbeat:
                        await SendHeartbeatAsync(socket, connection.Token).ConfigureAwait(false);
                        break;
                    case GatewayOpcodes.Reconnect:
                        LogReconnectRequested(logger);
                        await CloseForResumeAsync(socket).ConfigureAwait(false);
                        return (null, healthy);
                    case GatewayOpcodes.InvalidSession:
                        var resumable = payload.D is { ValueKind: JsonValueKind.True };
                        LogInvalidSession(logger, shard, resumable);
                        if (!resumable)
                            ForgetSession();
                        _invalidSession = true;
                        await CloseForResumeAsync(socket).ConfigureAwait(false);
                        return (null, healthy);
                    case GatewayOpcodes.Dispatch:
                        healthy |= OnDispatch(payload);
                        break;
                }
                if (heartbeat is { IsCompleted: true })
                {
                    // The heartbeat loop ends only when it found the connection zombied and aborted it.
                    return (null, healthy);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            LogDropped(logger, ex, shard, ex.Message);
            return (null, healthy);
        }
        finally
        {
            status?.SetShard(shard.Id, false);
            await connection.CancelAsync().ConfigureAwait(false);
            if (heartbeat is not null)
                await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested && socket.IsOpen)
            {
                // 1000 ends the session: on shutdown the bot should show offline rather than linger.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync((int)WebSocketCloseStatus.NormalClosure, "shutting down", timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>Whether the session is now established (READY or RESUMED).</returns>
    private bool OnDispatch(GatewayPayload payload)
    {
        if (payload.S is { } sequence)
        {
            // A replay after Resume can repeat what was already seen; never act on an event twice.
            if (_lastSequence is { } last && sequence <= last)
                return false;
            _lastSequence = sequence;
        }
        switch (payload.T)
        {
            case "READY":
                var ready = payload.D?.Deserialize(DiscordJson.Default.ReadyEvent) ?? new ReadyEvent();
                _sessionId = ready.SessionId;
                _resumeUrl = ready.ResumeGatewayUrl ?? _gatewayUrl;
                Readies++;
                status?.SetShard(shard.Id, true);
                LogReady(logger, shard);
                return true;
            case "RESUMED":
                Resumes++;
                status?.SetShard(shard.Id, true);
                LogResumed(logger, shard, _lastSequence);
                return true;
            case "INTERACTION_CREATE":
                var interaction = payload.D?.Deserialize(DiscordJson.Default.Interaction);
                if (interaction is not null && Remember(interaction.Id))
                    background.TryEnqueue("discord interaction " + interaction.Id, _ => AnswerAsync(interaction));
                return false;
            default:
                return false;
        }
    }

    /// <summary>Waits for this shard's identify turn (heartbeats keep going meanwhile), identifies, and ends the turn once sent.</summary>
    private async Task IdentifyAsync(IWebSocketConnection socket, CancellationToken ct)
    {
        var bucket = shard.RateLimitKey(_maxConcurrency);
        var identify = new IdentifyData(
            options.Value.BotToken ?? "", 0, new IdentifyProperties(Environment.OSVersion.Platform.ToString(), "mentorbot", "mentorbot"), [shard.Id, shard.Count]);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new IdentifyCommand(identify), DiscordJson.Default.IdentifyCommand);
        var turn = await identifyGate.WaitTurnAsync(bucket, ct).ConfigureAwait(false);
        await using (turn.ConfigureAwait(false))
        {
            LogIdentifying(logger, shard, bucket);
            await SendAsync(socket, payload, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Whether this shard received the interaction (among the last ones remembered).</summary>
    internal bool Received(string interactionId)
    {
        lock (_handled)
            return _handled.Contains(interactionId);
    }

    private bool Remember(string interactionId)
    {
        lock (_handled)
        {
            if (!_handled.Add(interactionId))
                return false;
            _handledOrder.Enqueue(interactionId);
            if (_handledOrder.Count > RememberedInteractions)
                _handled.Remove(_handledOrder.Dequeue());
            return true;
        }
    }

    private async Task AnswerAsync(Interaction interaction)
    {
        try
        {
            var outcome = await processor.ProcessAsync(interaction).ConfigureAwait(false);
            await rest.InteractionCallbackAsync(interaction.Id, interaction.Token, outcome.Response, CancellationToken.None).ConfigureAwait(false);
            if (outcome.AfterResponse is { } after)
                await after().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogAnswerFailed(logger, ex, interaction.Id);
        }
    }

    private async Task HeartbeatLoopAsync(IWebSocketConnection socket, TimeSpan interval, Func<bool> acked, Action<bool> setAcked, CancellationTokenSource connection)
    {
        try
        {
            // The first beat is jittered so a fleet of reconnecting clients does not beat in lockstep.
            await Task.Delay(interval * _jitter.NextDouble(), time, connection.Token).ConfigureAwait(false);
            while (!connection.IsCancellationRequested)
            {
                if (!acked())
                {
                    LogZombie(logger, shard);
                    socket.Abort();
                    return;
                }
                setAcked(false);
                await SendHeartbeatAsync(socket, connection.Token).ConfigureAwait(false);
                await Task.Delay(interval, time, connection.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended; the receive loop reports why.
        }
    }

    private Task SendHeartbeatAsync(IWebSocketConnection socket, CancellationToken ct) =>
        SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(new HeartbeatCommand(_lastSequence), DiscordJson.Default.HeartbeatCommand), ct);

    private async Task SendAsync(IWebSocketConnection socket, byte[] frame, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(frame, ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Any close code but 1000/1001 keeps the session resumable.</summary>
    private static async Task CloseForResumeAsync(IWebSocketConnection socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await socket.CloseOutputAsync(NormalClosureForResume, "reconnecting", timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static async Task<(GatewayPayload? Payload, int? CloseCode)> ReceiveAsync(IWebSocketConnection socket, CancellationToken ct)
    {
        var frame = await socket.ReceiveAsync(ct).ConfigureAwait(false);
        if (frame.IsClose)
            return (null, frame.CloseCode);
        return (JsonSerializer.Deserialize(frame.Text.Span, DiscordJson.Default.GatewayPayload), null);
    }

    public void Dispose() => _sendLock.Dispose();

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Discord Gateway shard {Shard} connected (resuming: {Resume})")]
    private static partial void LogConnected(ILogger logger, ShardInfo shard, bool resume);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Discord Gateway shard {Shard} session ready")]
    private static partial void LogReady(ILogger logger, ShardInfo shard);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Discord Gateway shard {Shard} session resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, ShardInfo shard, long? sequence);

    [LoggerMessage(EventId = 403, Level = LogLevel.Critical, Message = "Discord Gateway shard {Shard} closed with {Code}: {Reason}. The Discord adapter has stopped; fix the configuration and restart")]
    private static partial void LogFatal(ILogger logger, ShardInfo shard, int code, string reason);

    [LoggerMessage(EventId = 404, Level = LogLevel.Information, Message = "Discord Gateway shard {Shard} closed (code {Code}); next: {Action}")]
    private static partial void LogClosed(ILogger logger, ShardInfo shard, int? code, CloseAction action);

    [LoggerMessage(EventId = 405, Level = LogLevel.Warning, Message = "Discord Gateway shard {Shard} unreachable: {Reason}; retrying with backoff")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, ShardInfo shard, string reason);

    [LoggerMessage(EventId = 406, Level = LogLevel.Information, Message = "Discord asked the Gateway to reconnect (op 7)")]
    private static partial void LogReconnectRequested(ILogger logger);

    [LoggerMessage(EventId = 407, Level = LogLevel.Information, Message = "Discord Gateway shard {Shard} invalid session (op 9, resumable: {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, ShardInfo shard, bool resumable);

    [LoggerMessage(EventId = 408, Level = LogLevel.Warning, Message = "Discord Gateway shard {Shard} missed a heartbeat ACK; reconnecting to resume")]
    private static partial void LogZombie(ILogger logger, ShardInfo shard);

    [LoggerMessage(EventId = 409, Level = LogLevel.Information, Message = "Discord Gateway shard {Shard} connection dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, Exception exception, ShardInfo shard, string reason);

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "Could not answer interaction {InteractionId}")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(EventId = 411, Level = LogLevel.Information, Message = "Discord Gateway shard {Shard} identifying (identify bucket {Bucket})")]
    private static partial void LogIdentifying(ILogger logger, ShardInfo shard, int bucket);
}
