using MentorBot.Core.Commands;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Delivery;

/// <summary>
/// How the core sends a message nobody asked for (the weekly task, a challenge announcement) through one platform.
/// Each adapter implements it on top of its own rate limiter; expected failures are outcomes, not exceptions.
/// </summary>
public interface IOutboundMessenger
{
    /// <summary>The platform prefix of the learners and communities it serves: "discord", "slack", "console".</summary>
    string Platform { get; }

    /// <summary>
    /// Sends a direct message for one outbox delivery. <paramref name="attempt"/> carries the key (which lets a platform
    /// drop a retried duplicate) and whether an earlier attempt may already have posted it, so no adapter has to read
    /// the core's storage to find out.
    /// </summary>
    Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, OutboundAttempt attempt, CancellationToken cancellationToken);

    /// <summary>Posts into a channel of a community.</summary>
    Task<DeliveryOutcome> SendToChannelAsync(CommunityId community, string channelId, Reply message, string? idempotencyKey, CancellationToken cancellationToken);
}
