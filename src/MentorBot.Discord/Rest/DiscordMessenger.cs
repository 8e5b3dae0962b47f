using System.Collections.Concurrent;
using MentorBot.Core.Commands;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Discord.Rendering;

namespace MentorBot.Discord.Rest;

/// <summary>
/// Unprompted messages for the delivery engine. A DM needs the DM channel's id, which never changes for a user, so it
/// is remembered: in memory in front, in <see cref="IDirectChannelStore"/> behind, so a restart does not ask Discord for
/// every learner's channel again (a remembered channel Discord calls unknown is forgotten and fetched afresh, once).
/// The attempt's delivery key becomes an enforced nonce, so Discord drops a retried duplicate by itself.
/// </summary>
public sealed class DiscordMessenger(DiscordRestClient rest, IDirectChannelStore channels) : IOutboundMessenger
{
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);

    public string Platform => "discord";

    public async Task<DeliveryOutcome> SendDirectAsync(LearnerId learner, Reply message, OutboundAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        // The enforced nonce makes every attempt safe to repeat, so whether one may already have landed does not matter here.
        var idempotencyKey = attempt.Key;
        if (learner.Platform != Platform)
            return DeliveryOutcome.Undeliverable($"{learner} is not a Discord user.");
        try
        {
            var (channelId, remembered) = await DirectChannelAsync(learner, cancellationToken).ConfigureAwait(false);
            if (channelId is null)
                return DeliveryOutcome.RetryLater("Discord returned no DM channel.");
            var outcome = await PostAsync(channelId, message, idempotencyKey, cancellationToken).ConfigureAwait(false);
            if (!remembered || outcome.Detail != UnknownChannel)
                return outcome;

            _dmChannels.TryRemove(new KeyValuePair<string, string>(learner.UserId, channelId));
            await channels.RemoveAsync(learner, channelId, cancellationToken).ConfigureAwait(false);
            (channelId, _) = await DirectChannelAsync(learner, cancellationToken).ConfigureAwait(false);
            return channelId is null
                ? DeliveryOutcome.RetryLater("Discord returned no DM channel.")
                : await PostAsync(channelId, message, idempotencyKey, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The learner's DM channel (null if Discord gave none) and whether it was remembered rather than just fetched.</summary>
    private async Task<(string? ChannelId, bool Remembered)> DirectChannelAsync(LearnerId learner, CancellationToken cancellationToken)
    {
        if (_dmChannels.TryGetValue(learner.UserId, out var channelId))
            return (channelId, true);
        if (await channels.GetAsync(learner, cancellationToken).ConfigureAwait(false) is { Length: > 0 } stored)
            return (_dmChannels.GetOrAdd(learner.UserId, stored), true);

        var channel = await rest.CreateDmAsync(learner.UserId, cancellationToken).ConfigureAwait(false);
        if (channel is null || string.IsNullOrEmpty(channel.Id))
            return (null, false);
        await channels.SetAsync(learner, channel.Id, cancellationToken).ConfigureAwait(false);
        return (_dmChannels.GetOrAdd(learner.UserId, channel.Id), false);
    }

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

    private const string UnknownChannel = "Unknown channel.";

    private static DeliveryOutcome Outcome(DiscordApiException ex) => ex switch
    {
        { Code: DiscordErrorCodes.CannotSendToUser } => DeliveryOutcome.Undeliverable("The user does not accept direct messages from the bot."),
        { Code: DiscordErrorCodes.UnknownChannel } => DeliveryOutcome.Undeliverable(UnknownChannel),
        { IsTransient: true } => DeliveryOutcome.RetryLater(ex.Message, ex.RetryAfter),
        _ => DeliveryOutcome.Undeliverable(ex.Message),
    };
}
