namespace MentorBot.Core.Delivery;

/// <summary>The weekly delivery engine (<c>Delivery:*</c>).</summary>
public sealed record DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>How often due slots are planned and pending deliveries sent.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Slots missed while the host was down go out late if younger than this; older ones are skipped.</summary>
    public TimeSpan CatchUpWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How often the full subscription list is reread when nothing in this process changed it (a change through
    /// /subscribe, /pause or /unsubscribe triggers a reread at the next pass). Due slots are always checked against
    /// the stored subscription; one written by another process is planned at the next reread, so at most this late.
    /// Zero rereads on every pass.
    /// </summary>
    public TimeSpan SubscriptionRefreshInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The first retry waits this long; each further one doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many sends to one platform may be in flight at once. One keeps the order strict; a few let the platform's
    /// rate limiter, rather than each request's round trip, set the pace (at 50 ms per round trip one-at-a-time
    /// sending reaches 20 requests/s, under Discord's 50). Every send still waits its turn in the adapter's limiter.
    /// </summary>
    public int MaxConcurrentSends { get; init; } = 1;

    /// <summary>
    /// Where <c>/challenge post</c> announces a new challenge, per community: the key is the community id
    /// (<c>discord:123456</c>, <c>slack:T0123</c>, <c>console:local</c>), the value the platform's channel id.
    /// A community without an entry gets no announcement.
    /// </summary>
    public Dictionary<string, string> AnnouncementChannels { get; } = new(StringComparer.OrdinalIgnoreCase);
}
