using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Discord.Commands;
using MentorBot.Discord.Rendering;
using MentorBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord.Interactions;

/// <summary>
/// Answers one interaction, however it arrived. Discord invalidates the token if nothing answers within 3 seconds,
/// so a slow core gets a deferred response first and its reply edits <c>@original</c> afterwards.
/// </summary>
public sealed partial class InteractionProcessor(
    ICommandDispatcher dispatcher,
    IFaqService faq,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionProcessor> logger)
{
    // Commands whose replies are about the asker (CommandDefinition.Personal); deferring them ephemerally keeps the
    // "thinking…" private too.
    private readonly HashSet<string> _personalCommands = new(
        dispatcher.Commands.Where(c => c.Personal).Select(c => c.Name), StringComparer.OrdinalIgnoreCase);

    private readonly DiscordOptions _options = options.Value;

    // Commands cheap enough to run on the request's own thread; see CommandDefinition.AnswersFromMemory.
    private readonly HashSet<string> _inlineCommands = new(
        dispatcher.Commands.Where(c => c.AnswersFromMemory).Select(c => c.Name), StringComparer.OrdinalIgnoreCase);

    public async Task<InteractionOutcome> ProcessAsync(Interaction interaction)
    {
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                return new InteractionOutcome(Serialize(InteractionResponse.Pong));
            case InteractionType.Autocomplete:
                return new InteractionOutcome(Autocomplete(interaction));
            case InteractionType.ApplicationCommand:
                return await AnswerAsync(interaction, InteractionMapper.ToRequest(interaction, _options.ModeratorRoleIds)).ConfigureAwait(false);
            case InteractionType.MessageComponent:
                return await AnswerAsync(interaction, InteractionMapper.ToFollowUpRequest(interaction, _options.ModeratorRoleIds)).ConfigureAwait(false);
            default:
                LogUnsupported(logger, interaction.Type);
                return Immediate(Reply.Refusal("MentorBot does not handle that kind of interaction."));
        }
    }

    private async Task<InteractionOutcome> AnswerAsync(Interaction interaction, CommandRequest? request)
    {
        if (request is null)
            return Immediate(Reply.Refusal("I could not read that command. Please try again."));
        LogCommand(logger, interaction.Id, request.Command, request.Subcommand);

        // The core's work must outlive a dropped HTTP request once deferred, so it does not take the request's token.
        // Task.Run: a handler that blocks synchronously (storage) must not hold the deferral hostage. Commands that answer
        // from memory skip the hand-off, which costs a thread-pool wake-up and more CPU than the command itself.
        var dispatch = _inlineCommands.Contains(request.Command)
            ? dispatcher.DispatchAsync(request, CancellationToken.None)
            : Task.Run(() => dispatcher.DispatchAsync(request, CancellationToken.None));
        // WaitAsync's timer is dropped as soon as the core answers, so busy periods do not pile up 2-second timers,
        // and the common case costs no linked tokens or WhenAny bookkeeping.
        Reply reply;
        try
        {
            reply = await dispatch.WaitAsync(_options.DeferAfter, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return Defer(interaction, request, dispatch);
        }
        // A file cannot ride on the JSON answer to Discord's POST: defer (ephemerally if the reply is private) and
        // upload it by editing the original, a multipart request of its own.
        if (reply.Attachment is not null)
            return Defer(interaction, request, Task.FromResult(reply), reply.Visibility == ReplyVisibility.OnlyYou);
        var messages = ReplyRenderer.Render(reply);
        var response = Serialize(new InteractionResponse(CallbackType.ChannelMessage, messages[0]));
        return new InteractionOutcome(response, messages.Count > 1 ? () => FollowUpsAsync(interaction, messages.Skip(1)) : null);
    }

    private InteractionOutcome Defer(Interaction interaction, CommandRequest request, Task<Reply> dispatch, bool? ephemeralAnswer = null)
    {
        if (ephemeralAnswer is null)
            LogDeferred(logger, interaction.Id, request.Command);
        var ephemeral = ephemeralAnswer ?? _personalCommands.Contains(request.Command);
        var deferred = new InteractionResponse(CallbackType.DeferredChannelMessage, new MessagePayload { Flags = ephemeral ? MessageFlags.Ephemeral : null });
        return new InteractionOutcome(Serialize(deferred), () => CompleteDeferredAsync(interaction, dispatch, ephemeral));
    }

    // The continuations run after the response has gone out, on no one's behalf: every failure is logged, none escapes.
    private async Task CompleteDeferredAsync(Interaction interaction, Task<Reply> dispatch, bool deferredEphemeral)
    {
        try
        {
            var reply = await dispatch.ConfigureAwait(false);
            var messages = ReplyRenderer.Render(reply);
            var wantsEphemeral = reply.Visibility == ReplyVisibility.OnlyYou;
            if (wantsEphemeral && !deferredEphemeral)
            {
                // An edit cannot make a public message private: remove the public placeholder and answer privately.
                await rest.DeleteOriginalAsync(interaction.Token, CancellationToken.None).ConfigureAwait(false);
                if (reply.Attachment is { } file)
                {
                    // The file rides on the last message, so it sits under the whole answer as buttons do.
                    await FollowUpsAsync(interaction, messages.SkipLast(1)).ConfigureAwait(false);
                    await rest.CreateFollowupWithFileAsync(interaction.Token, messages[^1], file, CancellationToken.None).ConfigureAwait(false);
                    return;
                }
                await FollowUpsAsync(interaction, messages).ConfigureAwait(false);
                return;
            }
            if (reply.Attachment is { } attachment)
                await rest.EditOriginalWithFileAsync(interaction.Token, messages[0] with { Flags = null }, attachment, CancellationToken.None).ConfigureAwait(false);
            else
                await rest.EditOriginalAsync(interaction.Token, messages[0] with { Flags = null }, CancellationToken.None).ConfigureAwait(false);
            await FollowUpsAsync(interaction, messages.Skip(1)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogFollowUpFailed(logger, ex, interaction.Id);
        }
    }

    private async Task FollowUpsAsync(Interaction interaction, IEnumerable<MessagePayload> messages)
    {
        try
        {
            foreach (var message in messages)
                await rest.CreateFollowupAsync(interaction.Token, message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogFollowUpFailed(logger, ex, interaction.Id);
        }
    }

    private byte[] Autocomplete(Interaction interaction)
    {
        var choices = new List<CommandChoice>();
        if (InteractionMapper.Focused(interaction) is { } focused
            && string.Equals(interaction.Data?.Name, "faq", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var entry in faq.Complete(focused.Text, DiscordLimits.AutocompleteChoices))
            {
                if (entry.Id.Length <= DiscordLimits.ChoiceName)
                    choices.Add(new CommandChoice(ReplyRenderer.Truncate(entry.Title, DiscordLimits.ChoiceName), entry.Id));
            }
        }
        return DiscordRestClient.Serialize(new AutocompleteResponse(new AutocompleteData([.. choices.Take(DiscordLimits.AutocompleteChoices)])), DiscordJson.Default.AutocompleteResponse);
    }

    private static InteractionOutcome Immediate(Reply reply) =>
        new(Serialize(new InteractionResponse(CallbackType.ChannelMessage, ReplyRenderer.Render(reply)[0])));

    private static byte[] Serialize(InteractionResponse response) =>
        DiscordRestClient.Serialize(response, DiscordJson.Default.InteractionResponse);

    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: /{Command} {Subcommand}")]
    private static partial void LogCommand(ILogger logger, string interactionId, string command, string? subcommand);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Interaction {InteractionId} (/{Command}) deferred: the core needed longer than the defer threshold")]
    private static partial void LogDeferred(ILogger logger, string interactionId, string command);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Could not deliver the rest of the answer to interaction {InteractionId}")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "Ignoring interaction type {Type}")]
    private static partial void LogUnsupported(ILogger logger, int type);
}
