using System.Net;
using MentorBot.Core.Background;
using MentorBot.Core.Resilience;
using MentorBot.Core.WebSockets;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord.Gateway;

/// <summary>
/// Runs this host's Gateway shards: asks <c>GET /gateway/bot</c> for the URL, the recommended shard count and
/// <c>max_concurrency</c>, then keeps one <see cref="GatewayClient"/> per shard in <c>Discord:ShardIds</c>, each
/// resuming and reconnecting on its own. Identify turns go through the shared <see cref="IIdentifyGate"/>.
/// </summary>
public sealed partial class GatewayShards(
    DiscordRestClient rest,
    InteractionProcessor processor,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILoggerFactory loggers,
    IIdentifyGate identifyGate,
    IBackgroundWorkQueue background,
    DiscordAdapterStatus? status = null,
    IWebSocketFactory? sockets = null,
    IJitterSource? jitter = null) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<GatewayShards>();
    private volatile IReadOnlyList<GatewayClient> _shards = [];
    private int? _fatalBeforeShards;

    /// <summary>The shards this host runs, once <c>GET /gateway/bot</c> has answered.</summary>
    public IReadOnlyList<GatewayClient> Shards => _shards;

    /// <summary>Set when a fatal close code (or a rejected token) stopped the adapter, or one of its shards.</summary>
    public int? FatalCloseCode => _fatalBeforeShards ?? _shards.Select(s => s.FatalCloseCode).FirstOrDefault(code => code is not null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var info = await GatewayBotAsync(stoppingToken).ConfigureAwait(false);
        if (info is null)
            return;

        var count = options.Value.ShardCount ?? Math.Max(1, info.Shards);
        var ids = options.Value.ShardIdsFor(count);
        var shards = ids.Select(id => new GatewayClient(
            rest, processor, options, time, loggers.CreateLogger<GatewayClient>(), identifyGate, new ShardInfo(id, count), background, info, status, sockets, jitter)).ToList();
        // Every shard counts as down until its session is established, so health does not report a partial start.
        foreach (var id in ids)
            status?.SetShard(id, false);
        _shards = shards;
        var maxConcurrency = info.SessionStartLimit?.MaxConcurrency ?? 1;
        var shardList = string.Join(',', ids);
        LogStarting(_logger, ids.Count, count, shardList, maxConcurrency);
        try
        {
            await Task.WhenAll(shards.Select(s => s.RunAsync(stoppingToken))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var shard in shards)
                shard.Dispose();
        }
    }

    /// <summary>
    /// The first <c>GET /gateway/bot</c>, retried with backoff while Discord is unreachable; null when the token was
    /// rejected (the adapter stops) or the host is stopping.
    /// </summary>
    private async Task<GatewayBotInfo?> GatewayBotAsync(CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                var info = await rest.GetGatewayBotAsync(stoppingToken).ConfigureAwait(false);
                if (info is not null && !string.IsNullOrEmpty(info.Url))
                    return info;
                LogUnreachable(_logger, null, "Discord returned no Gateway URL");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (DiscordApiException ex) when (ex.Status == HttpStatusCode.Unauthorized)
            {
                _fatalBeforeShards = CloseCodes.AuthenticationFailed;
                var reason = CloseCodes.Explain(CloseCodes.AuthenticationFailed);
                LogFatal(_logger, reason);
                return null;
            }
            // Anything else (network, timeouts, a proxy's error page) is retried: an exception escaping a hosted
            // service would stop the whole host.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogUnreachable(_logger, ex, ex.Message);
            }
            try
            {
                await Task.Delay(GatewayClient.Reconnect.Delay(failures, jitter ?? RandomJitter.Instance), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    [LoggerMessage(EventId = 420, Level = LogLevel.Information, Message = "Discord Gateway: running {Running} of {Count} shards ({Ids}); identify concurrency {MaxConcurrency}")]
    private static partial void LogStarting(ILogger logger, int running, int count, string ids, int maxConcurrency);

    [LoggerMessage(EventId = 421, Level = LogLevel.Warning, Message = "Discord Gateway unreachable: {Reason}; retrying with backoff")]
    private static partial void LogUnreachable(ILogger logger, Exception? exception, string reason);

    [LoggerMessage(EventId = 422, Level = LogLevel.Critical, Message = "Discord Gateway: {Reason}. The Discord adapter has stopped; fix the configuration and restart")]
    private static partial void LogFatal(ILogger logger, string reason);
}
