using MentorBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Core.Delivery;

/// <summary>
/// One pass of the weekly delivery: plan the slots that came due since the last pass into the outbox, then send
/// what is pending. Exactly once per learner and local week rests on the outbox: a slot is enqueued (idempotently,
/// by key) before it is sent and marked after the platform confirms, and a resend reuses the key as the platform's
/// idempotency key. A crash anywhere therefore leaves either nothing to redo or a pending entry to send again.
/// Passes must not overlap (the remembered subscription list is unsynchronised); <see cref="DeliveryService"/> runs
/// them one after another.
/// </summary>
public sealed partial class DeliveryEngine
{
    // A longer outage is not replayed week by week: slots further back than this were skipped anyway.
    private static readonly TimeSpan MaxLookBeyondCatchUp = TimeSpan.FromDays(7);

    private readonly ISubscriptionStore _subscriptions;
    private readonly ILearnerStore _learners;
    private readonly IDeliveryOutbox _outbox;
    private readonly IUndeliverableNotices _notices;
    private readonly DeliveryComposer _composer;
    private readonly Dictionary<string, IOutboundMessenger> _messengers;
    private readonly DeliveryMetrics _metrics;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Reading every subscription is the expensive part of a pass (seconds for 100,000 in LiteDB), so the list is
    // reread only every SubscriptionRefreshInterval; passes in between plan from this copy and check each due slot.
    private readonly SubscriptionChanges? _changes;
    private IReadOnlyList<Subscription>? _snapshot;
    private DateTimeOffset _snapshotAt;
    private long _snapshotVersion;

    public DeliveryEngine(
        ISubscriptionStore subscriptions,
        ILearnerStore learners,
        IDeliveryOutbox outbox,
        IUndeliverableNotices notices,
        DeliveryComposer composer,
        IEnumerable<IOutboundMessenger> messengers,
        DeliveryMetrics metrics,
        IOptions<DeliveryOptions> options,
        TimeProvider time,
        ILogger<DeliveryEngine>? logger = null,
        SubscriptionChanges? changes = null)
    {
        _changes = changes;
        _subscriptions = subscriptions;
        _learners = learners;
        _outbox = outbox;
        _notices = notices;
        _composer = composer;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _messengers = new Dictionary<string, IOutboundMessenger>(StringComparer.OrdinalIgnoreCase);
        foreach (var messenger in messengers)
        {
            if (!_messengers.TryAdd(messenger.Platform, messenger))
                throw new InvalidOperationException($"Two outbound messengers claim the platform '{messenger.Platform}'.");
        }
    }

    /// <summary>Plans and sends once, as of the clock's now.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await PlanAsync(now, cancellationToken).ConfigureAwait(false);
        await SendPendingAsync(now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Enqueues every slot in [cursor, now] and moves the cursor past now. Slots older than the catch-up window are
    /// recorded as skipped. Returns the number of records written.
    /// </summary>
    public async Task<int> PlanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var catchUpStart = now - _options.CatchUpWindow;
        // The first run ever catches up like a restart would, so slots due shortly before deployment still go out.
        var from = await _outbox.GetCursorAsync(cancellationToken).ConfigureAwait(false) ?? catchUpStart;
        var to = now.AddTicks(1);
        if (from >= to)
            return 0;
        var oldest = catchUpStart - MaxLookBeyondCatchUp;
        if (from < oldest)
        {
            LogWindowSkipped(_logger, from, oldest);
            from = oldest;
        }

        IReadOnlyList<Subscription> subscriptions;
        var version = _changes?.Version ?? 0;
        var fromSnapshot = _snapshot is not null && version == _snapshotVersion && now - _snapshotAt < _options.SubscriptionRefreshInterval;
        if (fromSnapshot)
        {
            subscriptions = _snapshot!;
        }
        else
        {
            subscriptions = await _subscriptions.ListAllAsync(cancellationToken).ConfigureAwait(false);
            // Subscriptions made or changed since the last read were invisible to the passes in between: plan that
            // stretch again with the fresh list. Slots already in the outbox are recognised by key.
            if (_snapshot is not null && _snapshotAt < from)
                from = _snapshotAt < oldest ? oldest : _snapshotAt;
            _snapshot = subscriptions;
            _snapshotAt = now;
            _snapshotVersion = version;
        }

        // Oldest first, so a learner's earlier slot is in the outbox before their later one looks for "previous".
        var slots = DeliveryPlanner.Plan(subscriptions, from, to).OrderBy(s => s.SlotUtc).ToList();
        var written = 0;
        foreach (var slot in slots)
        {
            // A remembered subscription may since have been paused, moved or cancelled; only the stored one counts.
            if (fromSnapshot && !Equals(await _subscriptions.GetAsync(slot.Subscription.Learner, cancellationToken).ConfigureAwait(false), slot.Subscription))
                continue;
            if (await EnqueueAsync(slot, slot.SlotUtc < catchUpStart, now, cancellationToken).ConfigureAwait(false))
                written++;
        }

        // Only after every slot is in the outbox: a crash before this replans the window, and TryEnqueue dedupes it.
        await _outbox.SetCursorAsync(to, cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Sends every pending record that is due; each platform is worked through on its own.</summary>
    public async Task SendPendingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await _outbox.ListPendingAsync(now, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
            return;
        var platforms = pending.GroupBy(r => r.Learner.Platform, StringComparer.OrdinalIgnoreCase);
        await Task.WhenAll(platforms.Select(g => SendPlatformAsync(g.Key, [.. g], cancellationToken))).ConfigureAwait(false);
    }

    private async Task<bool> EnqueueAsync(DeliverySlot slot, bool tooOld, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var learner = slot.Subscription.Learner;
        if (await _outbox.GetAsync(slot.Key, cancellationToken).ConfigureAwait(false) is not null)
            return false;
        var profile = await _learners.GetAsync(learner, cancellationToken).ConfigureAwait(false);
        var previous = await _outbox.FindLatestAsync(learner, cancellationToken).ConfigureAwait(false);
        if (_composer.Decide(profile?.CurrentWeek ?? 1, previous) is not { } content)
            return false;

        var record = new DeliveryRecord(
            slot.Key, learner, slot.Subscription.Community, slot.SlotUtc, slot.LocalWeek, content.RoadmapWeek, content.Kind,
            tooOld ? DeliveryRecordStatus.Skipped : DeliveryRecordStatus.Pending,
            Attempts: 0, CreatedAt: now, NextAttemptAt: now, CompletedAt: tooOld ? now : null,
            LastError: tooOld ? "missed by more than the catch-up window" : null);
        var added = await _outbox.TryEnqueueAsync(record, cancellationToken).ConfigureAwait(false);
        if (added && tooOld)
            LogSlotSkipped(_logger, slot.Key, slot.SlotUtc, _options.CatchUpWindow);
        return added;
    }

    private async Task SendPlatformAsync(string platform, List<DeliveryRecord> records, CancellationToken cancellationToken)
    {
        if (!_messengers.TryGetValue(platform, out var messenger))
        {
            // An adapter that is not configured (yet) must not cost anyone their message: keep it for later.
            LogNoMessenger(_logger, platform, records.Count);
            foreach (var record in records)
                await DeferAsync(record, null, $"no messenger for platform '{platform}'", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_options.MaxConcurrentSends <= 1)
        {
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!await SendOneAsync(messenger, record, cancellationToken).ConfigureAwait(false))
                    return;
            }
            return;
        }

        // Records are taken in order; once the platform asks to slow down no new send starts, and those in flight
        // finish normally (cancelling them would only leave them pending for the next pass).
        var slowDown = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentSends, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(records, parallel, async (record, ct) =>
        {
            if (Volatile.Read(ref slowDown) != 0)
                return;
            if (!await SendOneAsync(messenger, record, ct).ConfigureAwait(false))
                Interlocked.Exchange(ref slowDown, 1);
        }).ConfigureAwait(false);
    }

    /// <summary>Returns false when the platform asked to slow down, which ends this pass for the platform.</summary>
    private async Task<bool> SendOneAsync(IOutboundMessenger messenger, DeliveryRecord record, CancellationToken cancellationToken)
    {
        var reply = await _composer.ComposeAsync(record, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            LogNotComposable(_logger, record.Key, record.RoadmapWeek);
            await DeferAsync(record, null, $"roadmap week {record.RoadmapWeek} is not loaded", cancellationToken).ConfigureAwait(false);
            return true;
        }

        DeliveryOutcome outcome;
        try
        {
            outcome = await messenger.SendDirectAsync(record.Learner, reply, record.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // An adapter bug or outage is transient from here: the message stays pending and is retried with backoff.
            _metrics.Failed(messenger.Platform);
            LogSendFailed(_logger, ex, record.Key);
            await DeferAsync(record, null, ex.Message, cancellationToken).ConfigureAwait(false);
            return true;
        }

        switch (outcome.Status)
        {
            case DeliveryStatus.Delivered:
                await _outbox.MarkSentAsync(record.Key, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                _metrics.Delivered(messenger.Platform);
                return true;
            case DeliveryStatus.Undeliverable:
                var at = _time.GetUtcNow();
                var reason = outcome.Detail ?? "the platform refused the message";
                await _outbox.MarkUndeliverableAsync(record.Key, at, reason, cancellationToken).ConfigureAwait(false);
                await _notices.SetAsync(new UndeliverableNotice(record.Learner, reason, at), cancellationToken).ConfigureAwait(false);
                _metrics.Undeliverable(messenger.Platform);
                LogUndeliverable(_logger, record.Key, reason);
                return true;
            default:
                _metrics.Deferred(messenger.Platform);
                await DeferAsync(record, outcome.RetryAfter, outcome.Detail ?? "retry later", cancellationToken).ConfigureAwait(false);
                return false;
        }
    }

    private async Task DeferAsync(DeliveryRecord record, TimeSpan? retryAfter, string reason, CancellationToken cancellationToken)
    {
        var delay = RetryDelay(record.Attempts);
        if (retryAfter is { } asked && asked > delay)
            delay = asked;
        var next = _time.GetUtcNow() + delay;
        await _outbox.MarkFailedAttemptAsync(record.Key, next, reason, cancellationToken).ConfigureAwait(false);
        LogDeferred(_logger, record.Key, record.Attempts + 1, next, reason);
    }

    /// <summary>Exponential backoff: initial, 2×, 4×, … capped at the maximum.</summary>
    internal TimeSpan RetryDelay(int previousAttempts)
    {
        var initial = _options.InitialRetryDelay;
        var max = _options.MaxRetryDelay;
        var factor = Math.Pow(2, Math.Min(previousAttempts, 30));
        var ticks = initial.Ticks * factor;
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "Delivery slot {Key} at {SlotUtc:u} was missed by more than the catch-up window {Window}; skipped")]
    private static partial void LogSlotSkipped(ILogger logger, string key, DateTimeOffset slotUtc, TimeSpan window);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Delivery slots between {From:u} and {To:u} were missed long ago; not planned")]
    private static partial void LogWindowSkipped(ILogger logger, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "No outbound messenger for platform {Platform}; {Count} deliveries wait")]
    private static partial void LogNoMessenger(ILogger logger, string platform, int count);

    [LoggerMessage(EventId = 503, Level = LogLevel.Warning, Message = "Delivery {Key}: roadmap week {Week} is not loaded; waiting")]
    private static partial void LogNotComposable(ILogger logger, string key, int week);

    [LoggerMessage(EventId = 504, Level = LogLevel.Error, Message = "Delivery {Key}: the messenger threw; will retry")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 505, Level = LogLevel.Warning, Message = "Delivery {Key} is undeliverable: {Reason}")]
    private static partial void LogUndeliverable(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 506, Level = LogLevel.Information, Message = "Delivery {Key} deferred (attempt {Attempt}) until {Next:u}: {Reason}")]
    private static partial void LogDeferred(ILogger logger, string key, int attempt, DateTimeOffset next, string reason);
}
