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
    /// This host's name on the claims it takes in the outbox (<c>Delivery:HostId</c>). Unset, each process makes its own
    /// from the machine name, the process id and a random part, so two processes never share one, even on one machine.
    /// </summary>
    public string? HostId { get; init; }

    /// <summary>
    /// How long a claim on due deliveries lasts. A host that dies holding claims releases them to the others when this
    /// runs out, so keep it short; but a claimed batch should be sent well within it (with several hosts a batch sent
    /// slower than this may be taken over, and the platform's idempotency key then absorbs the second send).
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How many due deliveries one claim takes; a pass claims batch after batch until nothing is due.</summary>
    public int ClaimBatchSize { get; init; } = 100;

    /// <summary>How many planned deliveries are written to the outbox in one transaction.</summary>
    public int EnqueueBatchSize { get; init; } = 256;

    /// <summary>Marks (sent, undeliverable, failed attempt) collected before they are written in one transaction.</summary>
    public int MarkBatchSize { get; init; } = 64;

    /// <summary>The longest a collected mark waits for its group to fill before it is written anyway.</summary>
    public TimeSpan MarkFlushInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Where <c>/challenge post</c> announces a new challenge, per community: the key is the community id
    /// (<c>discord:123456</c>, <c>slack:T0123</c>, <c>console:local</c>), the value the platform's channel id.
    /// A community without an entry gets no announcement.
    /// </summary>
    public Dictionary<string, string> AnnouncementChannels { get; } = new(StringComparer.OrdinalIgnoreCase);
}
