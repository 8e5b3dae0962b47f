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

    /// <summary>Sends a direct message. <paramref name="idempotencyKey"/> lets a platform drop a retried duplicate.</summary>
    Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Posts into a channel of a community.</summary>
    Task<DeliveryOutcome> SendToChannelAsync(CommunityId community, string channelId, Reply message, string? idempotencyKey, CancellationToken cancellationToken);
}
