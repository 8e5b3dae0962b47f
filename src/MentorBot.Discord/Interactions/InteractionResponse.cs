using MentorBot.Discord.Rendering;

namespace MentorBot.Discord.Interactions;

/// <summary>A message-carrying callback: PONG (no data), CHANNEL_MESSAGE_WITH_SOURCE or DEFERRED.</summary>
public sealed record InteractionResponse(int Type, MessagePayload? Data = null)
{
    public static InteractionResponse Pong { get; } = new(CallbackType.Pong);
}
