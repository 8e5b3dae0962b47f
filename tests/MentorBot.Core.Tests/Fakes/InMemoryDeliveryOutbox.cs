using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Tests.Fakes;

internal sealed class InMemoryDeliveryOutbox : IDeliveryOutbox
{
    private readonly Dictionary<string, DeliveryRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset? _cursor;

    /// <summary>How many of the next cursor reads throw, as a storage outage would.</summary>
    public int CursorFailuresToInject { get; set; }

    public IReadOnlyList<DeliveryRecord> All
    {
        get { lock (_gate) return [.. _records.Values.OrderBy(r => r.SlotUtc)]; }
    }

    public Task<bool> TryEnqueueAsync(DeliveryRecord record, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_records.TryAdd(record.Key, record));
    }

    public Task<DeliveryRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_records.GetValueOrDefault(key));
    }

    public Task<IReadOnlySet<string>> TryEnqueueManyAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnqueueBatches++;
            return Task.FromResult<IReadOnlySet<string>>(records.Where(r => _records.TryAdd(r.Key, r)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <summary>How many batches planning wrote (each one transaction in a real store).</summary>
    public int EnqueueBatches { get; private set; }

    /// <summary>How many groups of marks were written (each one transaction in a real store).</summary>
    public int MarkBatches { get; private set; }

    public Task<IReadOnlyList<DeliveryRecord>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var due = _records.Values
                .Where(r => r.Status == DeliveryRecordStatus.Pending && r.NextAttemptAt <= now && (r.ClaimedUntil is null || r.ClaimedUntil <= now))
                .OrderBy(r => r.NextAttemptAt).ThenBy(r => r.SlotUtc).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Take(max)
                .Select(r => r with { ClaimedBy = owner, ClaimedUntil = now + lease, Claims = r.Claims + 1 })
                .ToList();
            foreach (var record in due)
                _records[record.Key] = record;
            return Task.FromResult<IReadOnlyList<DeliveryRecord>>(due);
        }
    }

    public Task<IReadOnlySet<string>> MarkManyAsync(string owner, IReadOnlyList<DeliveryMark> marks, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            MarkBatches++;
            var applied = new HashSet<string>(StringComparer.Ordinal);
            foreach (var mark in marks)
            {
                if (!_records.TryGetValue(mark.Key, out var record) || record.Status != DeliveryRecordStatus.Pending || record.ClaimedBy != owner)
                    continue;
                _records[mark.Key] = record.Apply(mark);
                applied.Add(mark.Key);
            }
            return Task.FromResult<IReadOnlySet<string>>(applied);
        }
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListPendingAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DeliveryRecord>>(
                [.. _records.Values.Where(r => r.Status == DeliveryRecordStatus.Pending && r.NextAttemptAt <= now).OrderBy(r => r.NextAttemptAt).ThenBy(r => r.SlotUtc)]);
        }
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListRecentAsync(CommunityId community, int count, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<DeliveryRecord>>([.. _records.Values.Where(r => r.Community == community).OrderByDescending(r => r.SlotUtc).Take(count)]);
    }

    public Task<DeliveryRecord?> FindLatestAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_records.Values.Where(r => r.Learner == learner).OrderByDescending(r => r.SlotUtc).FirstOrDefault());
    }

    public Task<DateTimeOffset?> GetCursorAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (CursorFailuresToInject > 0)
            {
                CursorFailuresToInject--;
                throw new IOException("storage unavailable");
            }
            return Task.FromResult(_cursor);
        }
    }

    public Task SetCursorAsync(DateTimeOffset cursor, CancellationToken cancellationToken = default)
    {
        lock (_gate) _cursor = _cursor is { } stored && stored >= cursor ? stored : cursor;
        return Task.CompletedTask;
    }

    public int Remove(Core.Identity.LearnerId learner)
    {
        lock (_gate)
        {
            var keys = _records.Values.Where(r => r.Learner == learner).Select(r => r.Key).ToList();
            foreach (var key in keys)
                _records.Remove(key);
            return keys.Count;
        }
    }
}
