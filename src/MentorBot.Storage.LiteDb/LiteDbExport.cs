using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb.Documents;
using MentorBot.Core.Challenges;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;

namespace MentorBot.Storage.LiteDb;

/// <summary>Reads every collection of a LiteDB file into a <see cref="StorageSnapshot"/>, for moving it to another provider.</summary>
public static class LiteDbExport
{
    public static StorageSnapshot Read(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var database = context.Database;
        var cursor = database.GetCollection<DeliveryCursorDocument>(LiteDbContext.MetaCollection).FindById(LiteDbDeliveryOutbox.CursorDocumentId);
        return new StorageSnapshot(
            context.Learners.FindAll().Select(LiteDbLearnerStore.ToProfile).ToList(),
            context.Checkins.FindAll().Select(d => new Checkin(
                LearnerId.Parse(d.Learner),
                StoredTime.ParseDate(d.LocalDate),
                StoredTime.ToDateTimeOffset(d.AtUtcTicks, d.AtOffsetMinutes),
                d.Note)).ToList(),
            context.TaskCompletions.FindAll().Select(d => new TaskCompletion(
                LearnerId.Parse(d.Learner),
                d.Week,
                StoredTime.ParseDate(d.LocalDate),
                StoredTime.ToDateTimeOffset(d.AtUtcTicks, d.AtOffsetMinutes))).ToList(),
            context.StreakSummaries.FindAll().Select(LiteDbActivityStore.ToSummary).ToList(),
            context.Subscriptions.FindAll().Select(LiteDbSubscriptionStore.ToSubscription).ToList(),
            context.Challenges.FindAll().Select(LiteDbChallengeStore.ToChallenge).ToList(),
            context.Submissions.FindAll().Select(d => new ChallengeSubmission(
                d.ChallengeId,
                LearnerId.Parse(d.Learner),
                d.DisplayName,
                d.Link,
                StoredTime.ToDateTimeOffset(d.SubmittedAtUtcTicks, d.SubmittedAtOffsetMinutes))).ToList(),
            database.GetCollection<DeliveryDocument>(LiteDbDeliveryOutbox.DeliveriesCollection).FindAll().Select(LiteDbDeliveryOutbox.ToRecord).ToList(),
            database.GetCollection<UndeliverableNoticeDocument>(LiteDbUndeliverableNotices.NoticesCollection).FindAll()
                .Select(d => new UndeliverableNotice(LearnerId.Parse(d.Id), d.Reason, new DateTimeOffset(d.AtUtcTicks, TimeSpan.Zero))).ToList(),
            database.GetCollection<DirectChannelDocument>(LiteDbDirectChannelStore.ChannelsCollection).FindAll()
                .Select(d => (LearnerId.Parse(d.Id), d.ChannelId)).ToList(),
            cursor is null ? null : new DateTimeOffset(cursor.UtcTicks, TimeSpan.Zero));
    }
}
