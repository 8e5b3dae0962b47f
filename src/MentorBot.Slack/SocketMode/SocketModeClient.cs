using System.Net.WebSockets;
using System.Text.Json;
using MentorBot.Core.Background;
using MentorBot.Core.Resilience;
using MentorBot.Core.WebSockets;
using MentorBot.Slack.Commands;
using MentorBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.SocketMode;

/// <summary>
/// Slack's Socket Mode: the bot dials out, so no public URL is needed. Every (re)connect asks
/// <c>apps.connections.open</c> for a fresh one-time URL; on <c>refresh_requested</c> or <c>warning</c> the replacement is
/// connected before the old socket is closed, so no envelope finds the bot without a connection; on
/// <c>link_disabled</c> the client stops. Envelope ids are remembered across connections: a retried envelope is
/// acknowledged again but handled once.
/// </summary>
internal sealed partial class SocketModeClient(
    SlackApiClient api,
    SlackCommandProcessor processor,
    SlackAdapterState state,
    TimeProvider time,
    ILogger<SocketModeClient> logger,
    IBackgroundWorkQueue background,
    IWebSocketFactory sockets,
    IJitterSource jitter) : BackgroundService
{
    /// <summary>
    /// Failed connect n waits 1 s, 2 s, 4 s, … up to 30 s, spread ±50% so the bot's hosts do not return to Slack in
    /// step after an outage; a rate limit's Retry-After wins when longer.
    /// </summary>
    internal static readonly Backoff Reconnect = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), BackoffJitter.Spread);

    private readonly SocketModeEnvelopes _envelopes = new(processor, api, background, time, logger);
    private int _connections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, state.Stopped);
        var ct = linked.Token;
        SocketModeConnection? current = null;
        try
        {
            current = await ConnectWithBackoffAsync(ct).ConfigureAwait(false);
            while (current is not null && !ct.IsCancellationRequested)
            {
                var ended = await Task.WhenAny(current.DisconnectRequested, current.Closed).WaitAsync(ct).ConfigureAwait(false);
                if (ended == current.DisconnectRequested)
                {
                    var reason = await current.DisconnectRequested.ConfigureAwait(false);
                    if (reason == "link_disabled")
                    {
                        LogLinkDisabled(logger);
                        return;
                    }

                    // The old socket keeps delivering until it is closed, so open its replacement first.
                    LogRefreshing(logger, current.Number, reason);
                    var next = await ConnectWithBackoffAsync(ct).ConfigureAwait(false);
                    await current.CloseAsync().ConfigureAwait(false);
                    await current.DisposeAsync().ConfigureAwait(false);
                    current = next;
                }
                else
                {
                    state.SetSocketConnected(false);
                    LogDropped(logger, current.Number);
                    await current.DisposeAsync().ConfigureAwait(false);
                    current = null;
                    current = await ConnectWithBackoffAsync(ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Host shutdown, or the adapter was stopped; either way this must not surface as a failure, which would
            // stop the whole host.
        }
        finally
        {
            state.SetSocketConnected(false);
            if (current is not null)
            {
                await current.CloseAsync().ConfigureAwait(false);
                await current.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Returns an open connection that has said hello, or null when Slack refuses the app token.</summary>
    private async Task<SocketModeConnection?> ConnectWithBackoffAsync(CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var connection = new SocketModeConnection(Interlocked.Increment(ref _connections), OnEnvelopeAsync, logger, sockets, time);
            try
            {
                var url = await api.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await connection.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
                state.SetSocketConnected(true);
                LogConnected(logger, connection.Number);
                return connection;
            }
            catch (SlackApiException ex) when (ex.IsAuthFailure)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                LogAppTokenRejected(logger, ex.Error);
                return null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped halfway through connecting: the socket may already be open, so close it before leaving.
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException or WebSocketException or TimeoutException or JsonException
                or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                var wait = Reconnect.Delay(failures, jitter, (ex as SlackRateLimitedException)?.RetryAfter);
                LogConnectFailed(logger, ex, ex.Message, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs on the receive loop; the envelope's handling (reading, acknowledging, answering) is <see cref="SocketModeEnvelopes"/>.</summary>
    private Task OnEnvelopeAsync(SocketModeConnection connection, JsonElement envelope) => _envelopes.OnEnvelopeAsync(envelope, connection.TrySendAsync);

    [LoggerMessage(EventId = 770, Level = LogLevel.Information, Message = "Socket Mode connection {Number} is open")]
    private static partial void LogConnected(ILogger logger, int number);

    [LoggerMessage(EventId = 771, Level = LogLevel.Information, Message = "Slack asked connection {Number} to disconnect ({Reason}); opening a replacement first")]
    private static partial void LogRefreshing(ILogger logger, int number, string reason);

    [LoggerMessage(EventId = 772, Level = LogLevel.Warning, Message = "Socket Mode connection {Number} dropped; reconnecting")]
    private static partial void LogDropped(ILogger logger, int number);

    [LoggerMessage(EventId = 773, Level = LogLevel.Critical, Message = "Slack disabled Socket Mode for this app (link_disabled); the Socket Mode client is stopped. Turn Socket Mode back on in the app settings, or set Slack:Mode to Http.")]
    private static partial void LogLinkDisabled(ILogger logger);

    [LoggerMessage(EventId = 774, Level = LogLevel.Critical, Message = "Slack refused the app-level token ({Error}); the Socket Mode client is stopped. Check Slack:AppToken (xapp-, scope connections:write).")]
    private static partial void LogAppTokenRejected(ILogger logger, string error);

    [LoggerMessage(EventId = 775, Level = LogLevel.Warning, Message = "Could not open a Socket Mode connection ({Reason}); retrying in {Seconds} s")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, string reason, double seconds);
}
