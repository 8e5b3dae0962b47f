using LiteDB;
using MentorBot.Core.Dashboard;
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
    private const string SessionsWhy = "dashboard sign-ins end with the move; moderators open a new /dashboard link";

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
            cursor is null ? null : new DateTimeOffset(cursor.UtcTicks, TimeSpan.Zero),
            // The signing key keeps unexpired sign-in links working; the used links go with it, or a link already used
            // here could be used once more after the move.
            database.GetCollection<DashboardSettingDocument>(LiteDbDashboardStore.SettingsCollection).FindAll()
                .Select(d => (d.Id, d.Value)).ToList(),
            database.GetCollection<DashboardSignInDocument>(LiteDbDashboardStore.SignInsCollection).FindAll()
                .Select(d => (d.Id, Utc(d.ExpiresAtUtcTicks))).ToList(),
            database.GetCollection<DashboardAuditDocument>(LiteDbDashboardStore.AuditCollection, BsonAutoId.Int64).FindAll()
                .Select(d => (d.Id, new DashboardAuditEntry(
                    CommunityId.Parse(d.Community), LearnerId.Parse(d.Moderator), d.DisplayName, d.Action, d.Detail, Utc(d.AtUtcTicks)))).ToList(),
            // Without its community's salt a logged asker hash can no longer be matched to a learner: /mydata and
            // /forget would miss every question asked before the move.
            database.GetCollection<QuestionLogSaltDocument>(LiteDbQuestionLog.SaltsCollection).FindAll()
                .Select(d => (CommunityId.Parse(d.Id), d.Salt)).ToList(),
            LiteDbQuestionLog.ReadAll(database),
            database.GetCollection<QuestionFeedbackDocument>(LiteDbQuestionLog.FeedbackCollection).FindAll()
                .Select(d => (CommunityId.Parse(d.Community), LiteDbQuestionLog.ToFeedback(d))).ToList());
    }

    /// <summary>
    /// The collections that hold rows <see cref="Read"/> leaves behind on purpose, with how many and why, so the
    /// migrate verb can say so. (The <c>meta</c> collection's schema version and health probe are the file's own.)
    /// </summary>
    public static IReadOnlyList<UncopiedCollection> NotCopied(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sessions = context.Database.GetCollection(LiteDbDashboardStore.SessionsCollection).Count();
        return [new UncopiedCollection(LiteDbDashboardStore.SessionsCollection, sessions, SessionsWhy)];
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
