using LiteDB;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Storage.LiteDb.Documents;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// The delivery outbox in the <c>deliveries</c> collection. Uniqueness per learner and local week rests on the
/// _id: a duplicate insert fails atomically inside LiteDB, so concurrent enqueues of one key have one winner.
/// Status changes are read-modify-write under the context's write lock.
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
    }

    private ILiteCollection<DeliveryDocument> Deliveries => _context.Database.GetCollection<DeliveryDocument>(DeliveriesCollection);

    private ILiteCollection<DeliveryCursorDocument> Cursor => _context.Database.GetCollection<DeliveryCursorDocument>(LiteDbContext.MetaCollection);

    public Task<bool> TryEnqueueAsync(DeliveryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Deliveries.Insert(ToDocument(record));
            return Task.FromResult(true);
        }
        catch (LiteException ex) when (LiteDbContext.IsDuplicateKey(ex))
        {
            return Task.FromResult(false);
        }
    }

    public Task<DeliveryRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Deliveries.FindById(key);
        return Task.FromResult(document is null ? null : ToRecord(document));
    }

    public Task<bool> MarkSentAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UpdatePending(key, d =>
        {
            d.Status = nameof(DeliveryRecordStatus.Sent);
            d.Attempts++;
            d.CompletedAtUtcTicks = at.UtcTicks;
            d.LastError = null;
        }, cancellationToken);

    public Task<bool> MarkUndeliverableAsync(string key, DateTimeOffset at, string reason, CancellationToken cancellationToken = default) =>
        UpdatePending(key, d =>
        {
            d.Status = nameof(DeliveryRecordStatus.Undeliverable);
            d.Attempts++;
            d.CompletedAtUtcTicks = at.UtcTicks;
            d.LastError = reason;
        }, cancellationToken);

    public Task<bool> MarkFailedAttemptAsync(string key, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken = default) =>
        UpdatePending(key, d =>
        {
            d.Attempts++;
            d.NextAttemptAtUtcTicks = nextAttemptAt.UtcTicks;
            d.LastError = reason;
        }, cancellationToken);

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
        Cursor.Upsert(new DeliveryCursorDocument { Id = CursorDocumentId, UtcTicks = cursor.UtcTicks });
        return Task.CompletedTask;
    }

    private Task<bool> UpdatePending(string key, Action<DeliveryDocument> change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_context.WriteLock)
        {
            var deliveries = Deliveries;
            var document = deliveries.FindById(key);
            if (document is null || document.Status != PendingStatus)
                return Task.FromResult(false);
            change(document);
            return Task.FromResult(deliveries.Update(document));
        }
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
        d.LastError);

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
