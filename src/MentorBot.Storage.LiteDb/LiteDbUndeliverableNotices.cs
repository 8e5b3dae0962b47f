using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Storage.LiteDb.Documents;

namespace MentorBot.Storage.LiteDb;

/// <summary>Pending "we could not reach you" notices in <c>undeliverable_notices</c>, one per learner (_id = learner).</summary>
public sealed class LiteDbUndeliverableNotices(LiteDbContext context) : IUndeliverableNotices
{
    internal const string NoticesCollection = "undeliverable_notices";

    public Task SetAsync(UndeliverableNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        cancellationToken.ThrowIfCancellationRequested();
        var id = notice.Learner.ToString();
        lock (context.WriteLock)
        {
            Notices().Upsert(new UndeliverableNoticeDocument { Id = id, Reason = notice.Reason, AtUtcTicks = notice.At.UtcTicks });
            context.PendingNotices[id] = 0;
        }
        return Task.CompletedTask;
    }

    public Task<UndeliverableNotice?> TryConsumeAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = learner.ToString();
        // The in-memory mirror answers the common case (no notice) without touching the database or the lock.
        if (!context.PendingNotices.ContainsKey(id))
            return Task.FromResult<UndeliverableNotice?>(null);
        // Read and delete as one step, so two commands at once cannot both show (or both miss) the notice.
        lock (context.WriteLock)
        {
            var notices = Notices();
            var document = notices.FindById(id);
            var deleted = document is not null && notices.Delete(id);
            context.PendingNotices.TryRemove(id, out _);
            if (!deleted)
                return Task.FromResult<UndeliverableNotice?>(null);
            return Task.FromResult<UndeliverableNotice?>(new UndeliverableNotice(learner, document!.Reason, new DateTimeOffset(document.AtUtcTicks, TimeSpan.Zero)));
        }
    }

    private LiteDB.ILiteCollection<UndeliverableNoticeDocument> Notices() =>
        context.Database.GetCollection<UndeliverableNoticeDocument>(NoticesCollection);
}
