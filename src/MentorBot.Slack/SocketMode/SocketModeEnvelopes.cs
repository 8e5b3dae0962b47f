using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Core.Background;
using MentorBot.Slack.Commands;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.SocketMode;

/// <summary>
/// What the Socket Mode client does with each envelope, apart from keeping the connection: read it into the typed
/// payloads, acknowledge it, and hand it to <see cref="SlackCommandProcessor"/>, the same path HTTP mode takes.
/// Envelope ids are remembered across connections: a retried envelope is acknowledged again but handled once. An
/// envelope that cannot be read is acknowledged (when its id can be read) and dropped, so Slack does not retry it.
/// </summary>
internal sealed partial class SocketModeEnvelopes(
    SlackCommandProcessor processor,
    SlackApiClient api,
    IBackgroundWorkQueue background,
    TimeProvider time,
    ILogger logger)
{
    private readonly RecentIds _seen = new(time, TimeSpan.FromMinutes(30));

    /// <summary>
    /// Runs on the receive loop: decides synchronously whether the envelope is new, then works off-loop.
    /// <paramref name="send"/> sends one frame on the connection the envelope came on; false when it has gone.
    /// </summary>
    public Task OnEnvelopeAsync(JsonElement frame, Func<JsonObject, Task<bool>> send)
    {
        var envelope = SlackPayloads.TryRead(frame, SlackJson.Default.SocketModeEnvelope);
        if (envelope?.EnvelopeId is not { Length: > 0 } id)
        {
            // Without a readable id there is nothing to acknowledge, nor to tell a retry from the first delivery.
            LogUnreadableEnvelope(logger);
            return Task.CompletedTask;
        }

        if (!_seen.TryAdd(id))
        {
            LogDuplicateEnvelope(logger, id);
            _ = AckAsync(send, id, null);
            return Task.CompletedTask;
        }

        var type = envelope.Type ?? "?";
        background.TryEnqueue("slack envelope " + type, async _ =>
        {
            try
            {
                await HandleAsync(send, id, envelope).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogEnvelopeFailed(logger, type, ex);
            }
        });
        return Task.CompletedTask;
    }

    private async Task HandleAsync(Func<JsonObject, Task<bool>> send, string id, SocketModeEnvelope envelope)
    {
        switch (envelope.Type)
        {
            case "slash_commands" when SlackPayloads.TryRead(envelope.Payload, SlackJson.Default.SlashCommandPayload) is { } payload:
                var command = payload.ToCommand();
                var message = await processor.AnswerWithinBudgetAsync(command, CancellationToken.None).ConfigureAwait(false);
                var sent = await AckAsync(send, id, message?.ToResponseJson()).ConfigureAwait(false);
                // The answer was ready but its connection went away; response_url still reaches the user.
                if (!sent && message is not null && command.ResponseUrl is { } url)
                    await api.PostToResponseUrlAsync(url, message, CancellationToken.None).ConfigureAwait(false);
                break;
            case "events_api" when SlackPayloads.TryRead(envelope.Payload, SlackJson.Default.EventCallback) is { } callback:
                await AckAsync(send, id, null).ConfigureAwait(false);
                if (callback.Type == "event_callback" && processor.TryAcceptEvent(callback, out var work))
                    await work(CancellationToken.None).ConfigureAwait(false);
                break;
            case "interactive" when SlackPayloads.TryRead(envelope.Payload, SlackJson.Default.InteractionPayload) is { } interaction:
                await AckAsync(send, id, null).ConfigureAwait(false);
                await processor.HandleInteractionAsync(interaction, CancellationToken.None).ConfigureAwait(false);
                break;
            case "slash_commands" or "events_api" or "interactive":
                LogUnreadablePayload(logger, envelope.Type, id);
                await AckAsync(send, id, null).ConfigureAwait(false);
                break;
            default:
                await AckAsync(send, id, null).ConfigureAwait(false);
                break;
        }
    }

    private static Task<bool> AckAsync(Func<JsonObject, Task<bool>> send, string id, JsonObject? payload)
    {
        var ack = new JsonObject { ["envelope_id"] = id };
        if (payload is not null)
            ack["payload"] = payload;
        return send(ack);
    }

    [LoggerMessage(EventId = 776, Level = LogLevel.Debug, Message = "Acknowledging repeated envelope {EnvelopeId} without handling it again")]
    private static partial void LogDuplicateEnvelope(ILogger logger, string envelopeId);

    [LoggerMessage(EventId = 777, Level = LogLevel.Error, Message = "Handling a {Type} envelope failed")]
    private static partial void LogEnvelopeFailed(ILogger logger, string type, Exception exception);

    [LoggerMessage(EventId = 745, Level = LogLevel.Warning, Message = "Ignored a Socket Mode envelope without a readable envelope_id")]
    private static partial void LogUnreadableEnvelope(ILogger logger);

    [LoggerMessage(EventId = 746, Level = LogLevel.Warning, Message = "Acknowledged and ignored a {Type} envelope {EnvelopeId} whose payload could not be read")]
    private static partial void LogUnreadablePayload(ILogger logger, string type, string envelopeId);
}
