using System.Text.Json;
using System.Text.RegularExpressions;
using MentorBot.Core.Background;
using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Text;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Rendering;
using MentorBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Slack.Commands;

/// <summary>
/// Everything Slack can ask of the bot, independent of how it arrived (HTTP or Socket Mode): slash commands,
/// Events API callbacks (mentions and DMs, answered as <c>/faq</c>) and follow-up button clicks.
/// </summary>
public sealed partial class SlackCommandProcessor(
    ICommandDispatcher dispatcher,
    TextCommandParser parser,
    SlackActorResolver actors,
    SlackApiClient api,
    SlackAdapterState state,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackCommandProcessor> logger,
    IBackgroundWorkQueue background,
    IReplayGuard replayGuard)
{
    private static readonly Reply Failure = Reply.Refusal("Something went wrong with that command. Nothing was changed; please try again.");

    // Slack retries an event for about five minutes; half an hour leaves a wide margin.
    private static readonly TimeSpan EventMemory = TimeSpan.FromMinutes(30);

    // This host's own memory drops a repeat before anything is queued; the replay guard, shared by every host on one
    // PostgreSQL database, catches a retry that reaches another host, before that host answers.
    private readonly RecentIds _events = new(time, EventMemory);

    /// <summary>
    /// Answers within <see cref="SlackOptions.AckBudget"/> when the core is fast; otherwise returns null (the caller
    /// acknowledges empty) and posts the answer to the command's <c>response_url</c> once it is ready.
    /// </summary>
    public async Task<SlackMessage?> AnswerWithinBudgetAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        // The work must outlive the request: after an empty ack the HTTP request is over but the answer is still due.
        var work = AnswerSlashCommandAsync(command, CancellationToken.None);
        try
        {
            // WaitAsync drops its timer as soon as the work completes, so fast commands leave no timers behind.
            return await work.WaitAsync(options.Value.AckBudget, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Too slow for an inline answer: acknowledge now, deliver later.
        }

        LogSlowCommand(logger, command.Command);
        background.TryEnqueue("slack response_url answer to " + command.Command, _ => DeliverLaterAsync(work, command.ResponseUrl));
        return null;
    }

    public async Task<SlackMessage> AnswerSlashCommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var caller = new SlackCaller(command.UserId, command.UserName, command.TeamId, command.ChannelId);
        if (!caller.IsValid)
            return SlackRenderer.Render(Reply.Refusal("I could not read that command: it does not say correctly who sent it or from which workspace. Nothing was changed."));
        var parsed = parser.Parse("/" + command.Command.TrimStart('/') + " " + command.Text);
        if (parsed.Command is not { } valid)
            return SlackRenderer.Render(Reply.Refusal(parsed.Error ?? "I could not read that command. Try /help."));
        return await AnswerAsync(caller, valid.Command, valid.ToRequest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Handles an Events API <c>event_callback</c>. Returns false, doing nothing, for a repeat of an event already
    /// handled (Slack retries when it thinks the first delivery failed); otherwise true, with the work to run after the
    /// acknowledgement (nothing, for events the bot does not answer).
    /// </summary>
    public bool TryAcceptEvent(EventCallback callback, out Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(callback);
        work = _ => Task.CompletedTask;
        if (callback.EventId is { } eventId && !_events.TryAdd(eventId))
        {
            LogDuplicateEvent(logger, eventId);
            return false;
        }

        if (callback.Event is not { } inner || QuestionFrom(inner) is not { } question)
            return true;
        var caller = new SlackCaller(inner.User ?? "", null, callback.TeamId ?? inner.Team ?? "", inner.Channel ?? "");
        if (!caller.IsValid || string.IsNullOrEmpty(caller.ChannelId))
            return true;
        var id = callback.EventId;
        work = async ct =>
        {
            if (id is not null && !await replayGuard.TryRememberAsync("slack-event:" + id, time.GetUtcNow() + EventMemory, ct).ConfigureAwait(false))
            {
                LogDuplicateEvent(logger, id);
                return;
            }

            await AnswerQuestionAsync(caller, question, inner.ThreadTs, ct).ConfigureAwait(false);
        };
        return true;
    }

    /// <summary>Replays a clicked follow-up button as the person who clicked it; null when the payload is not ours.</summary>
    public async Task<(SlackMessage Message, Uri? ResponseUrl)?> AnswerInteractionAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Type != "block_actions" || payload.Actions.Count == 0 || FollowUpValue.TryDecode(payload.Actions[0].Value) is not { } followUp)
            return null;
        var user = payload.User;
        var caller = new SlackCaller(user?.Id ?? "", user?.Username ?? user?.Name, payload.Team?.Id ?? user?.TeamId ?? "", payload.Channel?.Id);
        Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var responseUrl);
        if (!caller.IsValid)
            return (SlackRenderer.Render(Reply.Refusal("I could not read that click. Nothing was changed.")), responseUrl);
        var message = await AnswerAsync(
            caller, followUp.Command, (actor, community) => new CommandRequest(followUp.Command, followUp.Options, actor, community), cancellationToken).ConfigureAwait(false);
        return (message, responseUrl);
    }

    /// <summary>Answers a click and posts the answer to its <c>response_url</c>.</summary>
    public async Task HandleInteractionAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var answer = await AnswerInteractionAsync(payload, cancellationToken).ConfigureAwait(false);
        if (answer is { ResponseUrl: { } url } found)
            await api.PostToResponseUrlAsync(url, found.Message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The one path from Slack to the core, whatever the entry point: resolve the actor (names, moderator rights, time
    /// zone), dispatch the request, render the reply. A failure anywhere is logged and answered with an apology rather
    /// than left unanswered; the caller has already checked the ids.
    /// </summary>
    private async Task<SlackMessage> AnswerAsync(
        SlackCaller caller, string command, Func<Actor, CommunityId, CommandRequest> toRequest, CancellationToken cancellationToken)
    {
        try
        {
            var actor = await actors.ResolveAsync(caller.UserId, caller.UserName, cancellationToken).ConfigureAwait(false);
            var request = toRequest(actor, new CommunityId("slack", caller.TeamId)) with { ChannelId = caller.ChannelId };
            var reply = await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
            if (reply.Attachment is { } file)
                reply = await SendFileAsync(caller.UserId, reply, file, cancellationToken).ConfigureAwait(false);
            return SlackRenderer.Render(reply);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCommandFailed(logger, command, ex);
            return SlackRenderer.Render(Failure);
        }
    }

    /// <summary>
    /// Slack has no ephemeral files: a file shared in the command's channel would be everyone's to read. A reply's file
    /// therefore goes to the asker's direct messages with the bot, where only they see it, and the ephemeral reply
    /// says so; if the upload fails, the reply says that instead and nothing is left half-shared.
    /// </summary>
    private async Task<Reply> SendFileAsync(string userId, Reply reply, ReplyAttachment file, CancellationToken cancellationToken)
    {
        try
        {
            var channel = await api.OpenDirectMessageAsync(userId, cancellationToken).ConfigureAwait(false);
            await api.UploadFileAsync(channel, file, reply.Title, cancellationToken).ConfigureAwait(false);
            return reply with { Text = reply.Text + $"\n\nI sent `{file.FileName}` to you in a direct message from MentorBot; only you can see it." };
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is SlackApiException slack ? slack.Error : ex.GetType().Name;
            LogFileFailed(logger, ex, file.FileName, reason);
            return Reply.Refusal($"I could not send you the file `{file.FileName}` (Slack answered: {reason}). Please try again in a while.");
        }
    }

    private string? QuestionFrom(SlackEvent inner)
    {
        // Our own messages and edits, joins and other subtypes would otherwise start a conversation with ourselves.
        if (inner.BotId is not null || inner.Subtype is not null)
            return null;
        var text = inner.Text ?? "";
        return inner.Type switch
        {
            "app_mention" => StripMention(text),
            "message" when inner.ChannelType == "im" => text.Trim(),
            _ => null,
        };
    }

    private string StripMention(string text)
    {
        if (state.BotUserId is { } bot)
            return text.Replace($"<@{bot}>", "", StringComparison.Ordinal).Trim();
        // Before auth.test has answered, the leading mention is the best guess at our own.
        return LeadingMention().Replace(text, "").Trim();
    }

    /// <summary>A mention or DM is a <c>/faq</c> question, answered in its channel (and thread).</summary>
    private async Task AnswerQuestionAsync(SlackCaller caller, string question, string? threadTs, CancellationToken cancellationToken)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (question.Length > 0)
            options["question"] = question;
        var message = await AnswerAsync(caller, "faq", (actor, community) => new CommandRequest("faq", options, actor, community), cancellationToken).ConfigureAwait(false);
        try
        {
            await api.PostMessageAsync(caller.ChannelId!, message, threadTs, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or JsonException or TaskCanceledException)
        {
            LogPostFailed(logger, ex, ex.Message);
        }
    }

    private async Task DeliverLaterAsync(Task<SlackMessage> work, Uri? responseUrl)
    {
        try
        {
            var message = await work.ConfigureAwait(false);
            if (responseUrl is null)
            {
                LogNoResponseUrl(logger);
                return;
            }

            await api.PostToResponseUrlAsync(responseUrl, message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogPostFailed(logger, ex, ex.Message);
        }
    }

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex LeadingMention();

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Could not send the file {FileName} to a Slack user: {Reason}")]
    private static partial void LogFileFailed(ILogger logger, Exception exception, string fileName, string reason);

    [LoggerMessage(EventId = 720, Level = LogLevel.Information, Message = "/{Command} took longer than the ack budget; answering through response_url")]
    private static partial void LogSlowCommand(ILogger logger, string command);

    [LoggerMessage(EventId = 721, Level = LogLevel.Error, Message = "Slack command /{Command} failed")]
    private static partial void LogCommandFailed(ILogger logger, string command, Exception exception);

    [LoggerMessage(EventId = 722, Level = LogLevel.Debug, Message = "Ignoring a repeat of event {EventId}")]
    private static partial void LogDuplicateEvent(ILogger logger, string eventId);

    [LoggerMessage(EventId = 723, Level = LogLevel.Warning, Message = "Could not deliver a Slack answer: {Reason}")]
    private static partial void LogPostFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(EventId = 724, Level = LogLevel.Warning, Message = "A slow slash command had no response_url; its answer is dropped")]
    private static partial void LogNoResponseUrl(ILogger logger);
}
