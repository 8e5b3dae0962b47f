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

    public Task<bool> MarkSentAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Update(key, r => r with { Status = DeliveryRecordStatus.Sent, Attempts = r.Attempts + 1, CompletedAt = at, LastError = null });

    public Task<bool> MarkUndeliverableAsync(string key, DateTimeOffset at, string reason, CancellationToken cancellationToken = default) =>
        Update(key, r => r with { Status = DeliveryRecordStatus.Undeliverable, Attempts = r.Attempts + 1, CompletedAt = at, LastError = reason });

    public Task<bool> MarkFailedAttemptAsync(string key, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken = default) =>
        Update(key, r => r with { Attempts = r.Attempts + 1, NextAttemptAt = nextAttemptAt, LastError = reason });

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
        lock (_gate) _cursor = cursor;
        return Task.CompletedTask;
    }

    private Task<bool> Update(string key, Func<DeliveryRecord, DeliveryRecord> change)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(key, out var record) || record.Status != DeliveryRecordStatus.Pending)
                return Task.FromResult(false);
            _records[key] = change(record);
            return Task.FromResult(true);
        }
    }
}
