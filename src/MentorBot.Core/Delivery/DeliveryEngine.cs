using System.Collections.Concurrent;
using MentorBot.Core.Identity;
using MentorBot.Core.Resilience;
using MentorBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MentorBot.Core.Learners;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Delivery;

/// <summary>
/// One pass of the weekly delivery: plan the slots that came due since the last pass into the outbox, then claim and
/// send what is due. Exactly once per learner and local week rests on the outbox: a slot is enqueued (idempotently,
/// by key, in batches) before it is sent and marked after the platform confirms (group-committed, see
/// <see cref="IDeliveryOutbox"/>), and a resend reuses the key as the platform's idempotency key. A crash anywhere
/// therefore leaves either nothing to redo or a pending entry to send again. Several hosts on one database share the
/// sending through claims under <see cref="HostId"/>.
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
    // Persisted retries need no jitter: each record's next attempt is already its own, and passes pick them up in turn.
    private readonly Backoff _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Reading every subscription is the expensive part of a pass (seconds for 100,000 in LiteDB), so the list is
    // reread only every SubscriptionRefreshInterval; passes in between plan from this copy and check each due slot.
    private readonly SubscriptionChanges? _changes;
    private IReadOnlyList<Subscription>? _snapshot;
    private DateTimeOffset _snapshotAt;
    private long _snapshotVersion;

    /// <summary>The owner name of this engine's outbox claims (<see cref="DeliveryOptions.HostId"/> or one made for the process).</summary>
    public string HostId { get; }

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
        _retry = new Backoff(_options.InitialRetryDelay, _options.MaxRetryDelay);
        HostId = DeliveryHostId.Resolve(_options);
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

        // Oldest first, so a learner's earlier slot is planned before their later one looks for "previous".
        var slots = DeliveryPlanner.Plan(subscriptions, from, to).OrderBy(s => s.SlotUtc).ToList();
        var written = 0;
        // Records go to the outbox a batch at a time (one transaction, one flush each). Until a batch is written the
        // outbox cannot show its records, so the batch's own latest record per learner stands in for FindLatest.
        var batch = new List<DeliveryRecord>(Math.Max(1, _options.EnqueueBatchSize));
        var batchLatest = new Dictionary<LearnerId, DeliveryRecord>();
        foreach (var slot in slots)
        {
            // A remembered subscription may since have been paused, moved or cancelled; only the stored one counts.
            if (fromSnapshot && !Equals(await _subscriptions.GetAsync(slot.Subscription.Learner, cancellationToken).ConfigureAwait(false), slot.Subscription))
                continue;
            if (await PlanRecordAsync(slot, slot.SlotUtc < catchUpStart, now, batchLatest, cancellationToken).ConfigureAwait(false) is not { } record)
                continue;
            batch.Add(record);
            batchLatest[record.Learner] = record;
            if (batch.Count >= _options.EnqueueBatchSize)
            {
                written += await EnqueueBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
                batchLatest.Clear();
            }
        }
        written += await EnqueueBatchAsync(batch, cancellationToken).ConfigureAwait(false);

        // Only after every slot is in the outbox: a crash before this replans the window, and the enqueue dedupes it.
        // Another host planning the same window writes the same keys (deduped) and the cursor only moves forward.
        await _outbox.SetCursorAsync(to, cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>
    /// Claims due records a batch at a time and sends them, each platform worked through on its own, until nothing is
    /// due for this host. Marks are group-committed (<see cref="DeliveryMarkBuffer"/>); whatever was claimed and never
    /// attempted is handed back, so a cancelled pass leaves no claim waiting for its lease.
    /// </summary>
    public async Task SendPendingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var marks = new DeliveryMarkBuffer(_outbox, HostId, Math.Max(1, _options.MarkBatchSize), _options.MarkFlushInterval, _time, _logger);
        // A platform that asked to slow down is left alone for the rest of the pass: its records go back until then.
        var slowed = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var claimed = await _outbox.ClaimDueAsync(HostId, now, _options.ClaimLease, Math.Max(1, _options.ClaimBatchSize), cancellationToken)
                    .ConfigureAwait(false);
                if (claimed.Count == 0)
                    return;

                var untouched = new ConcurrentDictionary<string, DeliveryRecord>(
                    claimed.Select(r => KeyValuePair.Create(r.Key, r)), StringComparer.Ordinal);
                try
                {
                    var platforms = claimed.GroupBy(r => r.Learner.Platform, StringComparer.OrdinalIgnoreCase);
                    await Task.WhenAll(platforms.Select(g => SendPlatformAsync(g.Key, [.. g], marks, untouched, slowed, now, cancellationToken)))
                        .ConfigureAwait(false);
                }
                finally
                {
                    // Never attempted, so no earlier claim can have sent them: due again at once (a cancelled pass) or
                    // when their platform is ready again.
                    foreach (var record in untouched.Values)
                    {
                        var dueAt = slowed.TryGetValue(record.Learner.Platform, out var resume) ? resume : record.NextAttemptAt;
                        marks.Add(DeliveryMark.Released(record.Key, dueAt));
                    }
                }
                await marks.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Also on cancellation: what was confirmed is recorded, so a restart resends as little as possible.
            await marks.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The record to enqueue for a slot; null when it is already in the outbox (or this batch) or nothing is left to say.</summary>
    private async Task<DeliveryRecord?> PlanRecordAsync(
        DeliverySlot slot, bool tooOld, DateTimeOffset now, Dictionary<LearnerId, DeliveryRecord> batchLatest, CancellationToken cancellationToken)
    {
        var learner = slot.Subscription.Learner;
        batchLatest.TryGetValue(learner, out var inBatch);
        if (inBatch?.Key == slot.Key || await _outbox.GetAsync(slot.Key, cancellationToken).ConfigureAwait(false) is not null)
            return null;
        var profile = await _learners.GetAsync(learner, cancellationToken).ConfigureAwait(false);
        var previous = inBatch ?? await _outbox.FindLatestAsync(learner, cancellationToken).ConfigureAwait(false);
        if (_composer.Decide(profile?.CurrentWeek ?? 1, previous) is not { } content)
            return null;

        return new DeliveryRecord(
            slot.Key, learner, slot.Subscription.Community, slot.SlotUtc, slot.LocalWeek, content.RoadmapWeek, content.Kind,
            tooOld ? DeliveryRecordStatus.Skipped : DeliveryRecordStatus.Pending,
            Attempts: 0, CreatedAt: now, NextAttemptAt: now, CompletedAt: tooOld ? now : null,
            LastError: tooOld ? "missed by more than the catch-up window" : null);
    }

    private async Task<int> EnqueueBatchAsync(List<DeliveryRecord> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
            return 0;
        var added = await _outbox.TryEnqueueManyAsync(batch, cancellationToken).ConfigureAwait(false);
        foreach (var record in batch)
        {
            if (record.Status == DeliveryRecordStatus.Skipped && added.Contains(record.Key))
                LogSlotSkipped(_logger, record.Key, record.SlotUtc, _options.CatchUpWindow);
        }
        return added.Count;
    }

    private async Task SendPlatformAsync(
        string platform,
        List<DeliveryRecord> records,
        DeliveryMarkBuffer marks,
        ConcurrentDictionary<string, DeliveryRecord> untouched,
        ConcurrentDictionary<string, DateTimeOffset> slowed,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (slowed.ContainsKey(platform))
            return;
        if (!_messengers.TryGetValue(platform, out var messenger))
        {
            // An adapter that is not configured (yet) must not cost anyone their message: keep it for later.
            LogNoMessenger(_logger, platform, records.Count);
            foreach (var record in records)
            {
                untouched.TryRemove(record.Key, out _);
                await DeferAsync(marks, record, null, $"no messenger for platform '{platform}'", now, cancellationToken).ConfigureAwait(false);
            }
            return;
        }

        async Task<bool> SendAsync(DeliveryRecord record, CancellationToken ct)
        {
            if (slowed.ContainsKey(platform))
                return false;
            untouched.TryRemove(record.Key, out _);
            if (await SendOneAsync(messenger, record, marks, now, ct).ConfigureAwait(false) is not { } resume)
                return true;
            slowed.TryAdd(platform, resume);
            return false;
        }

        if (_options.MaxConcurrentSends <= 1)
        {
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!await SendAsync(record, cancellationToken).ConfigureAwait(false))
                    return;
            }
            return;
        }

        // Records are taken in order; once the platform asks to slow down no new send starts, and those in flight
        // finish normally (cancelling them would only leave them claimed until the lease runs out).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentSends, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(records, parallel, async (record, ct) => await SendAsync(record, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Null when done with the record; when the platform asked to slow down, the moment it may be asked again.</summary>
    private async Task<DateTimeOffset?> SendOneAsync(
        IOutboundMessenger messenger, DeliveryRecord record, DeliveryMarkBuffer marks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await marks.FlushIfDueAsync(cancellationToken).ConfigureAwait(false);
        var reply = await _composer.ComposeAsync(record, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            LogNotComposable(_logger, record.Key, record.RoadmapWeek);
            await DeferAsync(marks, record, null, $"roadmap week {record.RoadmapWeek} is not loaded", now, cancellationToken).ConfigureAwait(false);
            return null;
        }

        DeliveryOutcome outcome;
        try
        {
            outcome = await messenger.SendDirectAsync(record.Learner, reply, OutboundAttempt.For(record), cancellationToken).ConfigureAwait(false);
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
            await DeferAsync(marks, record, null, ex.Message, now, cancellationToken).ConfigureAwait(false);
            return null;
        }

        switch (outcome.Status)
        {
            case DeliveryStatus.Delivered:
                await marks.AddAsync(DeliveryMark.Sent(record.Key, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                _metrics.Delivered(messenger.Platform);
                return null;
            case DeliveryStatus.Undeliverable:
                var at = _time.GetUtcNow();
                var reason = outcome.Detail ?? "the platform refused the message";
                await marks.AddAsync(DeliveryMark.Undeliverable(record.Key, at, reason), cancellationToken).ConfigureAwait(false);
                await _notices.SetAsync(new UndeliverableNotice(record.Learner, reason, at), cancellationToken).ConfigureAwait(false);
                _metrics.Undeliverable(messenger.Platform);
                LogUndeliverable(_logger, record.Key, reason);
                return null;
            default:
                _metrics.Deferred(messenger.Platform);
                await DeferAsync(marks, record, outcome.RetryAfter, outcome.Detail ?? "retry later", now, cancellationToken).ConfigureAwait(false);
                return After(now, _time.GetUtcNow() + (outcome.RetryAfter ?? TimeSpan.Zero));
        }
    }

    private async Task DeferAsync(
        DeliveryMarkBuffer marks, DeliveryRecord record, TimeSpan? retryAfter, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var delay = _retry.Delay(record.Attempts + 1, serverAsked: retryAfter);
        var next = After(now, _time.GetUtcNow() + delay);
        await marks.AddAsync(DeliveryMark.FailedAttempt(record.Key, next, reason), cancellationToken).ConfigureAwait(false);
        LogDeferred(_logger, record.Key, record.Attempts + 1, next, reason);
    }

    // A record handed back must not be due again within the same pass, or the pass would claim it forever.
    private static DateTimeOffset After(DateTimeOffset now, DateTimeOffset at) => at > now ? at : now.AddTicks(1);

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
