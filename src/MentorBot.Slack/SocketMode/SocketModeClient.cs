using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Core.Background;
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
    IBackgroundWorkQueue background) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly RecentIds _envelopes = new(time, TimeSpan.FromMinutes(30));
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
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var connection = new SocketModeConnection(Interlocked.Increment(ref _connections), OnEnvelopeAsync, logger);
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
                var wait = ex is SlackRateLimitedException limited && limited.RetryAfter > delay ? limited.RetryAfter : delay;
                LogConnectFailed(logger, ex.Message, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 > MaxBackoff ? MaxBackoff : delay * 2;
            }
        }
    }

    /// <summary>Runs on the receive loop: decides synchronously whether the envelope is new, then works off-loop.</summary>
    private Task OnEnvelopeAsync(SocketModeConnection connection, JsonElement envelope)
    {
        var id = envelope.GetProperty("envelope_id").GetString() ?? "";
        var type = envelope.TryGetProperty("type", out var t) ? t.GetString() : null;
        var payload = envelope.TryGetProperty("payload", out var p) ? p : default;
        if (!_envelopes.TryAdd(id))
        {
            LogDuplicateEnvelope(logger, id);
            _ = AckAsync(connection, id, null);
            return Task.CompletedTask;
        }

        background.TryEnqueue("slack envelope " + (type ?? "?"), async _ =>
        {
            try
            {
                await HandleAsync(connection, id, type, payload).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogEnvelopeFailed(logger, type ?? "?", ex);
            }
        });
        return Task.CompletedTask;
    }

    private async Task HandleAsync(SocketModeConnection connection, string id, string? type, JsonElement payload)
    {
        switch (type)
        {
            case "slash_commands":
                var command = ToSlashCommand(payload);
                var message = await processor.AnswerWithinBudgetAsync(command, CancellationToken.None).ConfigureAwait(false);
                var sent = await AckAsync(connection, id, message?.ToResponseJson()).ConfigureAwait(false);
                // The answer was ready but its connection went away; response_url still reaches the user.
                if (!sent && message is not null && command.ResponseUrl is { } url)
                    await api.PostToResponseUrlAsync(url, message, CancellationToken.None).ConfigureAwait(false);
                break;
            case "events_api":
                await AckAsync(connection, id, null).ConfigureAwait(false);
                if (processor.TryAcceptEvent(payload, out var work))
                    await work(CancellationToken.None).ConfigureAwait(false);
                break;
            case "interactive":
                await AckAsync(connection, id, null).ConfigureAwait(false);
                await processor.HandleInteractionAsync(payload, CancellationToken.None).ConfigureAwait(false);
                break;
            default:
                await AckAsync(connection, id, null).ConfigureAwait(false);
                break;
        }
    }

    private static Task<bool> AckAsync(SocketModeConnection connection, string id, JsonObject? payload)
    {
        var ack = new JsonObject { ["envelope_id"] = id };
        if (payload is not null)
            ack["payload"] = payload;
        return connection.TrySendAsync(ack);
    }

    private static SlashCommand ToSlashCommand(JsonElement payload)
    {
        string Field(string name) =>
            payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
        Uri.TryCreate(Field("response_url"), UriKind.Absolute, out var responseUrl);
        return new SlashCommand(Field("command"), Field("text"), Field("user_id"), Field("user_name"), Field("team_id"), Field("channel_id"), responseUrl);
    }

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
    private static partial void LogConnectFailed(ILogger logger, string reason, double seconds);

    [LoggerMessage(EventId = 776, Level = LogLevel.Debug, Message = "Acknowledging repeated envelope {EnvelopeId} without handling it again")]
    private static partial void LogDuplicateEnvelope(ILogger logger, string envelopeId);

    [LoggerMessage(EventId = 777, Level = LogLevel.Error, Message = "Handling a {Type} envelope failed")]
    private static partial void LogEnvelopeFailed(ILogger logger, string type, Exception exception);
}
