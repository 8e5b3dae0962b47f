using LiteDB;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Storage.LiteDb.Documents;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// The delivery outbox in the <c>deliveries</c> collection. Uniqueness per learner and local week rests on the
/// _id. Every write takes the context's write lock and is one LiteDB transaction (one flush), however many records it
/// touches: enqueueing a batch, claiming a batch, group-committed marks. The file is exclusive to one process, so claims
/// only ever compete inside it (and are handed back when the file is next opened, see <see cref="LiteDbContext"/>).
/// </summary>
public sealed class LiteDbDeliveryOutbox : IDeliveryOutbox
{
    internal const string DeliveriesCollection = "deliveries";
    internal const string CursorDocumentId = "delivery-cursor";

    private static readonly string PendingStatus = nameof(DeliveryRecordStatus.Pending);

    private readonly LiteDbContext _context;

    public LiteDbDeliveryOutbox(LiteDbContext context)
    {
        _context = context;
        Deliveries.EnsureIndex(x => x.Status);
        Deliveries.EnsureIndex(x => x.Learner);
        Deliveries.EnsureIndex(x => x.Community);
        Deliveries.EnsureIndex(x => x.DueTicks);
    }

    private ILiteCollection<DeliveryDocument> Deliveries => _context.Database.GetCollection<DeliveryDocument>(DeliveriesCollection);

    private ILiteCollection<DeliveryCursorDocument> Cursor => _context.Database.GetCollection<DeliveryCursorDocument>(LiteDbContext.MetaCollection);

    public async Task<bool> TryEnqueueAsync(DeliveryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (await TryEnqueueManyAsync([record], cancellationToken).ConfigureAwait(false)).Contains(record.Key);
    }

    public Task<IReadOnlySet<string>> TryEnqueueManyAsync(IReadOnlyList<DeliveryRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var added = new HashSet<string>(StringComparer.Ordinal);
        lock (_context.WriteLock)
        {
            var deliveries = Deliveries;
            // Checked under the lock rather than caught as a duplicate key: one duplicate must not abort the batch.
            var fresh = records.Where(r => added.Add(r.Key)).Where(r => deliveries.FindById(r.Key) is null).Select(ToDocument).ToList();
            added.Clear();
            if (fresh.Count > 0)
                deliveries.InsertBulk(fresh);
            added.UnionWith(fresh.Select(d => d.Id));
        }
        return Task.FromResult<IReadOnlySet<string>>(added);
    }

    public Task<IReadOnlyList<DeliveryRecord>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        cancellationToken.ThrowIfCancellationRequested();
        var ticks = now.UtcTicks;
        var until = (now + lease).UtcTicks;
        lock (_context.WriteLock)
        {
            var deliveries = Deliveries;
            // The DueTicks index yields the due records earliest first, so the read stops after max.
            var claimed = deliveries.Query().Where(x => x.DueTicks <= ticks).Limit(Math.Max(0, max)).ToList()
                .Where(d => d.Status == PendingStatus)
                .ToList();
            foreach (var document in claimed)
            {
                document.ClaimedBy = owner;
                document.ClaimedUntilUtcTicks = until;
                document.Claims++;
                WithDueTicks(document);
            }
            if (claimed.Count > 0)
                deliveries.Update(claimed);
            IReadOnlyList<DeliveryRecord> result = claimed.Select(ToRecord).OrderBy(r => r.NextAttemptAt).ThenBy(r => r.SlotUtc).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlySet<string>> MarkManyAsync(string owner, IReadOnlyList<DeliveryMark> marks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(marks);
        cancellationToken.ThrowIfCancellationRequested();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        lock (_context.WriteLock)
        {
            var deliveries = Deliveries;
            var changed = new Dictionary<string, DeliveryRecord>(StringComparer.Ordinal);
            foreach (var mark in marks)
            {
                var record = changed.TryGetValue(mark.Key, out var seen) ? seen : deliveries.FindById(mark.Key) is { } document ? ToRecord(document) : null;
                if (record is not { Status: DeliveryRecordStatus.Pending } || record.ClaimedBy != owner)
                    continue;
                changed[mark.Key] = record.Apply(mark);
                applied.Add(mark.Key);
            }
            if (changed.Count > 0)
                deliveries.Update(changed.Values.Select(ToDocument).ToList());
        }
        return Task.FromResult<IReadOnlySet<string>>(applied);
    }

    public Task<DeliveryRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Deliveries.FindById(key);
        return Task.FromResult(document is null ? null : ToRecord(document));
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListPendingAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ticks = now.UtcTicks;
        IReadOnlyList<DeliveryRecord> result = Deliveries.Find(x => x.Status == PendingStatus)
            .Where(d => d.NextAttemptAtUtcTicks <= ticks)
            .OrderBy(d => d.NextAttemptAtUtcTicks)
            .ThenBy(d => d.SlotUtcTicks)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(ToRecord)
            .ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListRecentAsync(CommunityId community, int count, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        IReadOnlyList<DeliveryRecord> result = Deliveries.Find(x => x.Community == key)
            .OrderByDescending(d => d.SlotUtcTicks)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, count))
            .Select(ToRecord)
            .ToList();
        return Task.FromResult(result);
    }

    public Task<DeliveryRecord?> FindLatestAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = learner.ToString();
        var document = Deliveries.Find(x => x.Learner == key)
            .OrderByDescending(d => d.SlotUtcTicks)
            .FirstOrDefault();
        return Task.FromResult(document is null ? null : ToRecord(document));
    }

    public Task<DateTimeOffset?> GetCursorAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Cursor.FindById(CursorDocumentId);
        return Task.FromResult<DateTimeOffset?>(document is null ? null : new DateTimeOffset(document.UtcTicks, TimeSpan.Zero));
    }

    public Task SetCursorAsync(DateTimeOffset cursor, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_context.WriteLock)
        {
            if (Cursor.FindById(CursorDocumentId) is { } stored && stored.UtcTicks >= cursor.UtcTicks)
                return Task.CompletedTask;
            Cursor.Upsert(new DeliveryCursorDocument { Id = CursorDocumentId, UtcTicks = cursor.UtcTicks });
        }
        return Task.CompletedTask;
    }

    /// <summary>Sets <see cref="DeliveryDocument.DueTicks"/> from the status, the next attempt and the claim.</summary>
    internal static DeliveryDocument WithDueTicks(DeliveryDocument d)
    {
        d.DueTicks = d.Status != PendingStatus ? long.MaxValue : Math.Max(d.NextAttemptAtUtcTicks, d.ClaimedUntilUtcTicks ?? long.MinValue);
        return d;
    }

    private static DeliveryDocument ToDocument(DeliveryRecord r) => new()
    {
        Id = r.Key,
        Learner = r.Learner.ToString(),
        Community = r.Community.ToString(),
        SlotUtcTicks = r.SlotUtc.UtcTicks,
        LocalWeek = r.LocalWeek,
        RoadmapWeek = r.RoadmapWeek,
        Kind = r.Kind.ToString(),
        Status = r.Status.ToString(),
        Attempts = r.Attempts,
        CreatedAtUtcTicks = r.CreatedAt.UtcTicks,
        NextAttemptAtUtcTicks = r.NextAttemptAt.UtcTicks,
        CompletedAtUtcTicks = r.CompletedAt?.UtcTicks,
        LastError = r.LastError,
        ClaimedBy = r.ClaimedBy,
        ClaimedUntilUtcTicks = r.ClaimedUntil?.UtcTicks,
        Claims = r.Claims,
        DueTicks = r.Status != DeliveryRecordStatus.Pending ? long.MaxValue : Math.Max(r.NextAttemptAt.UtcTicks, r.ClaimedUntil?.UtcTicks ?? long.MinValue),
    };

    internal static DeliveryRecord ToRecord(DeliveryDocument d) => new(
        d.Id,
        LearnerId.Parse(d.Learner),
        CommunityId.Parse(d.Community),
        Utc(d.SlotUtcTicks),
        d.LocalWeek,
        d.RoadmapWeek,
        Enum.Parse<DeliveryKind>(d.Kind),
        Enum.Parse<DeliveryRecordStatus>(d.Status),
        d.Attempts,
        Utc(d.CreatedAtUtcTicks),
        Utc(d.NextAttemptAtUtcTicks),
        d.CompletedAtUtcTicks is { } completed ? Utc(completed) : null,
        d.LastError)
    {
        ClaimedBy = d.ClaimedBy,
        ClaimedUntil = d.ClaimedUntilUtcTicks is { } until ? Utc(until) : null,
        Claims = d.Claims,
    };

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
