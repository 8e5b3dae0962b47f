using MentorBot.Core.Commands;

namespace MentorBot.Core.Delivery;

/// <summary>
/// Wraps the dispatcher so a learner whose weekly message could not be delivered hears about it once, beside the
/// answer to whatever command they run next in the community.
/// </summary>
public sealed class UndeliverableNoticeDispatcher(ICommandDispatcher inner, IUndeliverableNotices notices) : ICommandDispatcher
{
    public IReadOnlyList<CommandDefinition> Commands => inner.Commands;

    public async Task<Reply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reply = await inner.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        var notice = await notices.TryConsumeAsync(request.Actor.Id, cancellationToken).ConfigureAwait(false);
        if (notice is null)
            return reply;
        var text = "Heads-up: I couldn't send you your weekly roadmap task as a direct message. "
            + "Please allow direct messages from this community's members or apps; /task shows this week's task meanwhile.";
        return reply with { Text = reply.Text + "\n\n" + text };
    }
}
