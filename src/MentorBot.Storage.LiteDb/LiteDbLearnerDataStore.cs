using LiteDB;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Privacy;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Storage.LiteDb.Documents;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// One learner's rows across every collection. The erasure is one LiteDB transaction under the context's write lock:
/// the lock keeps the compare-and-set writers (close, submit, notices) out, the transaction makes it all or nothing.
/// LiteDB binds a transaction to its thread, and everything here runs synchronously on the caller's.
/// </summary>
public sealed class LiteDbLearnerDataStore : ILearnerDataStore
{
    private readonly LiteDbContext _context;

    public LiteDbLearnerDataStore(LiteDbContext context)
    {
        _context = context;
        _context.Submissions.EnsureIndex(x => x.Learner);
        Deliveries.EnsureIndex(x => x.Learner);
    }

    private ILiteCollection<DeliveryDocument> Deliveries => _context.Database.GetCollection<DeliveryDocument>(LiteDbDeliveryOutbox.DeliveriesCollection);

    private ILiteCollection<UndeliverableNoticeDocument> Notices => _context.Database.GetCollection<UndeliverableNoticeDocument>(LiteDbUndeliverableNotices.NoticesCollection);

    private ILiteCollection<DirectChannelDocument> Channels => _context.Database.GetCollection<DirectChannelDocument>(LiteDbDirectChannelStore.ChannelsCollection);

    public Task<LearnerData> ExportAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = learner.ToString();
        lock (_context.WriteLock)
        {
            var profile = _context.Learners.FindById(key);
            var checkins = _context.Checkins.Find(x => x.Learner == key)
                .OrderBy(d => d.LocalDate, StringComparer.Ordinal)
                .Select(d => new Checkin(learner, StoredTime.ParseDate(d.LocalDate), StoredTime.ToDateTimeOffset(d.AtUtcTicks, d.AtOffsetMinutes), d.Note))
                .ToList();
            var completions = _context.TaskCompletions.Find(x => x.Learner == key)
                .OrderBy(d => d.Week)
                .Select(d => new TaskCompletion(learner, d.Week, StoredTime.ParseDate(d.LocalDate), StoredTime.ToDateTimeOffset(d.AtUtcTicks, d.AtOffsetMinutes)))
                .ToList();
            var streak = _context.StreakSummaries.FindById(key);
            var subscription = _context.Subscriptions.FindById(key);
            var submissions = new List<LearnerSubmission>();
            foreach (var d in _context.Submissions.Find(x => x.Learner == key).OrderBy(d => d.SubmittedAtUtcTicks).ThenBy(d => d.ChallengeId))
            {
                // A submission whose challenge is gone is still the learner's data; the challenge part is then unknown.
                var challenge = _context.Challenges.FindById(d.ChallengeId);
                if (challenge is null)
                    continue;
                submissions.Add(new LearnerSubmission(
                    new Core.Challenges.ChallengeSubmission(d.ChallengeId, learner, d.DisplayName, d.Link, StoredTime.ToDateTimeOffset(d.SubmittedAtUtcTicks, d.SubmittedAtOffsetMinutes)),
                    LiteDbChallengeStore.ToChallenge(challenge)));
            }
            var deliveries = Deliveries.Find(x => x.Learner == key)
                .OrderBy(d => d.SlotUtcTicks)
                .Select(LiteDbDeliveryOutbox.ToRecord)
                .ToList();
            var notice = Notices.FindById(key);
            var channel = Channels.FindById(key);
            return Task.FromResult(new LearnerData(
                profile is null ? null : LiteDbLearnerStore.ToProfile(profile),
                checkins,
                completions,
                streak is null ? null : LiteDbActivityStore.ToSummary(streak),
                subscription is null ? null : LiteDbSubscriptionStore.ToSubscription(subscription),
                submissions,
                deliveries,
                notice is null ? null : new UndeliverableNotice(learner, notice.Reason, new DateTimeOffset(notice.AtUtcTicks, TimeSpan.Zero)),
                channel?.ChannelId));
        }
    }

    public Task<LearnerErasure> ForgetAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = learner.ToString();
        lock (_context.WriteLock)
        {
            var database = _context.Database;
            database.BeginTrans();
            try
            {
                var erasure = Erase(learner, key);
                database.Commit();
                // The mirror follows the committed state only: a rollback leaves the notice, so the mirror must keep it.
                if (erasure.UndeliverableNotices > 0)
                    _context.PendingNotices.TryRemove(key, out _);
                return Task.FromResult(erasure);
            }
            catch
            {
                database.Rollback();
                throw;
            }
        }
    }

    private LearnerErasure Erase(LearnerId learner, string key)
    {
        var learnerRows = _context.Learners.Delete(key) ? 1 : 0;
        var checkins = _context.Checkins.DeleteMany(x => x.Learner == key);
        var completions = _context.TaskCompletions.DeleteMany(x => x.Learner == key);
        var streaks = _context.StreakSummaries.Delete(key) ? 1 : 0;
        var subscriptions = _context.Subscriptions.Delete(key) ? 1 : 0;

        var openDeleted = 0;
        var anonymised = 0;
        var submissions = _context.Submissions;
        foreach (var submission in submissions.Find(x => x.Learner == key).ToList())
        {
            var challenge = _context.Challenges.FindById(submission.ChallengeId);
            submissions.Delete(submission.Id);
            if (challenge?.ClosedAtUtcTicks is null)
            {
                openDeleted++;
                continue;
            }
            // The _id holds the learner, so the anonymised row is a new document under the placeholder's key.
            var former = FormerLearner.NewId(learner.Platform).ToString();
            submissions.Insert(new ChallengeSubmissionDocument
            {
                Id = $"{submission.ChallengeId.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{former}",
                ChallengeId = submission.ChallengeId,
                Learner = former,
                DisplayName = FormerLearner.DisplayName,
                Link = "",
                SubmittedAtUtcTicks = submission.SubmittedAtUtcTicks,
                SubmittedAtOffsetMinutes = submission.SubmittedAtOffsetMinutes,
            });
            anonymised++;
        }

        var deliveries = Deliveries.DeleteMany(x => x.Learner == key);
        var notices = Notices.Delete(key) ? 1 : 0;
        var channels = Channels.Delete(key) ? 1 : 0;
        return new LearnerErasure(learnerRows, checkins, completions, streaks, subscriptions, openDeleted, deliveries, notices, channels, anonymised);
    }
}
