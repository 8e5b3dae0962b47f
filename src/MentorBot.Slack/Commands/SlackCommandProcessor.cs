using System.Text.Json;
using System.Text.RegularExpressions;
using MentorBot.Core.Background;
using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Core.Text;
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
    IBackgroundWorkQueue background)
{
    private static readonly Reply Failure = Reply.Refusal("Something went wrong with that command. Nothing was changed; please try again.");

    // Slack retries an event for about five minutes; half an hour leaves a wide margin.
    private readonly RecentIds _events = new(time, TimeSpan.FromMinutes(30));

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
        if (!HasValidIds(command.UserId, command.TeamId, command.ChannelId))
            return SlackRenderer.Render(Reply.Refusal("I could not read that command: it does not say correctly who sent it or from which workspace. Nothing was changed."));
        try
        {
            var parsed = parser.Parse("/" + command.Command.TrimStart('/') + " " + command.Text);
            if (parsed.Command is not { } valid)
                return SlackRenderer.Render(Reply.Refusal(parsed.Error ?? "I could not read that command. Try /help."));
            var actor = await actors.ResolveAsync(command.UserId, command.UserName, cancellationToken).ConfigureAwait(false);
            var request = valid.ToRequest(actor, new CommunityId("slack", command.TeamId)) with { ChannelId = command.ChannelId };
            return SlackRenderer.Render(await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCommandFailed(logger, command.Command, ex);
            return SlackRenderer.Render(Failure);
        }
    }

    /// <summary>
    /// Handles an Events API <c>event_callback</c> body. Returns false, doing nothing, for a repeat of an event
    /// already handled (Slack retries when it thinks the first delivery failed).
    /// </summary>
    public bool TryAcceptEvent(JsonElement callback, out Func<CancellationToken, Task> work)
    {
        work = _ => Task.CompletedTask;
        var eventId = Str(callback, "event_id");
        if (eventId is not null && !_events.TryAdd(eventId))
        {
            LogDuplicateEvent(logger, eventId);
            return false;
        }

        if (!callback.TryGetProperty("event", out var inner) || inner.ValueKind != JsonValueKind.Object)
            return true;
        var question = QuestionFrom(inner);
        if (question is null)
            return true;
        var teamId = Str(callback, "team_id") ?? Str(inner, "team") ?? "";
        var userId = Str(inner, "user") ?? "";
        var channel = Str(inner, "channel") ?? "";
        var threadTs = Str(inner, "thread_ts");
        if (!HasValidIds(userId, teamId, channel) || channel.Length == 0)
            return true;
        work = ct => AnswerQuestionAsync(question, userId, teamId, channel, threadTs, ct);
        return true;
    }

    /// <summary>Replays a clicked follow-up button as the person who clicked it; null when the payload is not ours.</summary>
    public async Task<(SlackMessage Message, Uri? ResponseUrl)?> AnswerInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (Str(payload, "type") != "block_actions" || !payload.TryGetProperty("actions", out var actions)
            || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
            return null;
        var followUp = FollowUpValue.TryDecode(Str(actions[0], "value"));
        if (followUp is null)
            return null;
        var user = payload.TryGetProperty("user", out var u) ? u : default;
        var userId = Str(user, "id") ?? "";
        var teamId = (payload.TryGetProperty("team", out var team) ? Str(team, "id") : null) ?? Str(user, "team_id") ?? "";
        var channelId = payload.TryGetProperty("channel", out var channel) ? Str(channel, "id") : null;
        Uri.TryCreate(Str(payload, "response_url"), UriKind.Absolute, out var responseUrl);
        if (!HasValidIds(userId, teamId, channelId))
            return (SlackRenderer.Render(Reply.Refusal("I could not read that click. Nothing was changed.")), responseUrl);
        try
        {
            var actor = await actors.ResolveAsync(userId, Str(user, "username") ?? Str(user, "name"), cancellationToken).ConfigureAwait(false);
            var request = new CommandRequest(followUp.Command, followUp.Options, actor, new CommunityId("slack", teamId)) { ChannelId = channelId };
            return (SlackRenderer.Render(await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false)), responseUrl);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCommandFailed(logger, followUp.Command, ex);
            return (SlackRenderer.Render(Failure), responseUrl);
        }
    }

    /// <summary>Answers a click and posts the answer to its <c>response_url</c>.</summary>
    public async Task HandleInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var answer = await AnswerInteractionAsync(payload, cancellationToken).ConfigureAwait(false);
        if (answer is { ResponseUrl: { } url } found)
            await api.PostToResponseUrlAsync(url, found.Message, cancellationToken).ConfigureAwait(false);
    }

    private string? QuestionFrom(JsonElement inner)
    {
        // Our own messages and edits, joins and other subtypes would otherwise start a conversation with ourselves.
        if (Str(inner, "bot_id") is not null || Str(inner, "subtype") is not null)
            return null;
        var text = Str(inner, "text") ?? "";
        return Str(inner, "type") switch
        {
            "app_mention" => StripMention(text),
            "message" when Str(inner, "channel_type") == "im" => text.Trim(),
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

    private async Task AnswerQuestionAsync(string question, string userId, string teamId, string channel, string? threadTs, CancellationToken cancellationToken)
    {
        SlackMessage message;
        try
        {
            var actor = await actors.ResolveAsync(userId, null, cancellationToken).ConfigureAwait(false);
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (question.Length > 0)
                options["question"] = question;
            var request = new CommandRequest("faq", options, actor, new CommunityId("slack", teamId)) { ChannelId = channel };
            message = SlackRenderer.Render(await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCommandFailed(logger, "faq", ex);
            message = SlackRenderer.Render(Failure);
        }

        try
        {
            await api.PostMessageAsync(channel, message, threadTs, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or JsonException or TaskCanceledException)
        {
            LogPostFailed(logger, ex.Message);
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
            LogPostFailed(logger, ex.Message);
        }
    }

    /// <summary>
    /// A user and a workspace are required and a channel optional, each shaped like an id (<see cref="PlatformIds"/>):
    /// an empty user would act for the learner <c>slack:</c>, and an over-long id fails as a storage key.
    /// </summary>
    private static bool HasValidIds(string userId, string teamId, string? channelId) =>
        PlatformIds.IsValid(userId) && PlatformIds.IsValid(teamId) && (string.IsNullOrEmpty(channelId) || PlatformIds.IsValid(channelId));

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex LeadingMention();

    [LoggerMessage(EventId = 720, Level = LogLevel.Information, Message = "/{Command} took longer than the ack budget; answering through response_url")]
    private static partial void LogSlowCommand(ILogger logger, string command);

    [LoggerMessage(EventId = 721, Level = LogLevel.Error, Message = "Slack command /{Command} failed")]
    private static partial void LogCommandFailed(ILogger logger, string command, Exception exception);

    [LoggerMessage(EventId = 722, Level = LogLevel.Debug, Message = "Ignoring a repeat of event {EventId}")]
    private static partial void LogDuplicateEvent(ILogger logger, string eventId);

    [LoggerMessage(EventId = 723, Level = LogLevel.Warning, Message = "Could not deliver a Slack answer: {Reason}")]
    private static partial void LogPostFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 724, Level = LogLevel.Warning, Message = "A slow slash command had no response_url; its answer is dropped")]
    private static partial void LogNoResponseUrl(ILogger logger);
}
