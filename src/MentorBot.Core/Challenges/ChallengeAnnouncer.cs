using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MentorBot.Core.Delivery;

namespace MentorBot.Core.Challenges;

/// <summary>
/// Announces a newly posted challenge in its community's announcement channel (<c>Delivery:AnnouncementChannels</c>)
/// through the platform's <see cref="IOutboundMessenger"/>. Best effort: a missing channel or messenger means no
/// announcement, and a failed send is logged, never thrown, so the post itself always stands.
/// </summary>
public sealed partial class ChallengeAnnouncer
{
    private readonly IReadOnlyList<IOutboundMessenger> _messengers;
    private readonly DeliveryOptions _options;
    private readonly ILogger _logger;

    public ChallengeAnnouncer(IEnumerable<IOutboundMessenger> messengers, IOptions<DeliveryOptions> options, ILogger<ChallengeAnnouncer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _messengers = [.. messengers];
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public static string IdempotencyKey(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return $"challenge-{challenge.Id}";
    }

    /// <summary>The public message: title, description, due date and how to submit.</summary>
    public static Reply Compose(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return new Reply
        {
            Kind = ReplyKind.Success,
            Title = $"New challenge #{challenge.Id}: {challenge.Title}",
            Text = challenge.Description,
            Fields = [new ReplyField("Due", Phrases.Date(challenge.Due), Inline: true)],
            Footer = $"Submit with /challenge submit id:{challenge.Id} link:<url>",
            Visibility = ReplyVisibility.Public,
        };
    }

    /// <summary>Returns the channel id the announcement landed in, or null when none was configured, possible or delivered.</summary>
    public async Task<string?> AnnounceAsync(Challenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var community = challenge.Community;
        if (!_options.AnnouncementChannels.TryGetValue(community.ToString(), out var channel) || string.IsNullOrWhiteSpace(channel))
            return null;
        var messenger = _messengers.FirstOrDefault(m => string.Equals(m.Platform, community.Platform, StringComparison.OrdinalIgnoreCase));
        if (messenger is null)
        {
            LogNoMessenger(_logger, challenge.Id, community.Platform);
            return null;
        }

        try
        {
            var outcome = await messenger.SendToChannelAsync(community, channel, Compose(challenge), IdempotencyKey(challenge), cancellationToken).ConfigureAwait(false);
            if (outcome.Status == DeliveryStatus.Delivered)
                return channel;
            LogNotDelivered(_logger, challenge.Id, channel, outcome.Status, outcome.Detail);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(_logger, ex, challenge.Id, channel);
        }
        return null;
    }

    [LoggerMessage(EventId = 520, Level = LogLevel.Warning, Message = "Challenge #{ChallengeId} was not announced: no outbound messenger for platform '{Platform}'.")]
    private static partial void LogNoMessenger(ILogger logger, int challengeId, string platform);

    [LoggerMessage(EventId = 521, Level = LogLevel.Warning, Message = "Challenge #{ChallengeId} was not announced in channel {Channel}: {Status} ({Detail}).")]
    private static partial void LogNotDelivered(ILogger logger, int challengeId, string channel, DeliveryStatus status, string? detail);

    [LoggerMessage(EventId = 522, Level = LogLevel.Error, Message = "Announcing challenge #{ChallengeId} in channel {Channel} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, int challengeId, string channel);
}
