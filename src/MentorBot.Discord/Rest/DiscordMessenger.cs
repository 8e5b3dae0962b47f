using System.Collections.Concurrent;
using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Discord.Rendering;

namespace MentorBot.Discord.Rest;

/// <summary>
/// Unprompted messages for the delivery engine. A DM needs the DM channel's id, which never changes for a user, so it
/// is cached. The idempotency key becomes an enforced nonce, so Discord drops a retried duplicate by itself.
/// </summary>
public sealed class DiscordMessenger(DiscordRestClient rest) : IOutboundMessenger
{
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);

    public string Platform => "discord";

    public async Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (learner.Platform != Platform)
            return DeliveryOutcome.Undeliverable($"{learner} is not a Discord user.");
        try
        {
            if (!_dmChannels.TryGetValue(learner.UserId, out var channelId))
            {
                var channel = await rest.CreateDmAsync(learner.UserId, cancellationToken).ConfigureAwait(false);
                if (channel is null || string.IsNullOrEmpty(channel.Id))
                    return DeliveryOutcome.RetryLater("Discord returned no DM channel.");
                channelId = _dmChannels.GetOrAdd(learner.UserId, channel.Id);
            }
            return await PostAsync(channelId, message, idempotencyKey, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException ex)
        {
            return Outcome(ex);
        }
    }

    public Task<DeliveryOutcome> SendToChannelAsync(CommunityId community, string channelId, Reply message, string? idempotencyKey, CancellationToken cancellationToken) =>
        community.Platform != Platform
            ? Task.FromResult(DeliveryOutcome.Undeliverable($"{community} is not a Discord community."))
            : PostAsync(channelId, message, idempotencyKey, cancellationToken);

    private async Task<DeliveryOutcome> PostAsync(string channelId, Reply message, string? idempotencyKey, CancellationToken ct)
    {
        try
        {
            var messages = ReplyRenderer.Render(message with { Visibility = ReplyVisibility.Public });
            for (var i = 0; i < messages.Count; i++)
            {
                var nonce = Nonce(idempotencyKey, i);
                await rest.CreateMessageAsync(channelId, messages[i] with { Nonce = nonce, EnforceNonce = nonce is null ? null : true }, ct).ConfigureAwait(false);
            }
            return DeliveryOutcome.Delivered;
        }
        catch (DiscordApiException ex)
        {
            return Outcome(ex);
        }
        catch (HttpRequestException ex)
        {
            return DeliveryOutcome.RetryLater(ex.Message);
        }
    }

    /// <summary>Discord nonces are at most 25 characters; longer keys are hashed down, part numbers keep pieces distinct.</summary>
    internal static string? Nonce(string? key, int part)
    {
        if (string.IsNullOrEmpty(key))
            return null;
        var suffix = part == 0 ? "" : "." + part;
        if (key.Length + suffix.Length <= DiscordLimits.Nonce)
            return key + suffix;
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        return hash[..(DiscordLimits.Nonce - suffix.Length)] + suffix;
    }

    private static DeliveryOutcome Outcome(DiscordApiException ex) => ex switch
    {
        { Code: DiscordErrorCodes.CannotSendToUser } => DeliveryOutcome.Undeliverable("The user does not accept direct messages from the bot."),
        { Code: DiscordErrorCodes.UnknownChannel } => DeliveryOutcome.Undeliverable("Unknown channel."),
        { IsTransient: true } => DeliveryOutcome.RetryLater(ex.Message, ex.RetryAfter),
        _ => DeliveryOutcome.Undeliverable(ex.Message),
    };
}
