using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Core.Delivery;

namespace MentorBot.Core.Privacy;

/// <summary>The mentoring stores as a personal-data source: the <c>mentoring</c> section of <c>/mydata</c>.</summary>
public sealed class LearnerDataSource(ILearnerDataStore store) : IPersonalDataSource
{
    public string Name => "mentoring";

    public string Describes =>
        "your profile, check-ins, finished roadmap tasks, streak, weekly-delivery subscription and its scheduled messages, "
        + "your entries to open challenges and the direct-message channel the bot remembers. Your entries to closed "
        + $"challenges stay, so their results do not change, but as \"{FormerLearner.DisplayName}\" without your name or link";

    public async Task<JsonNode?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var data = await store.ExportAsync(subject.Learner, cancellationToken).ConfigureAwait(false);
        return ToJson(data);
    }

    public async Task<IReadOnlyList<ErasedData>> ForgetAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var e = await store.ForgetAsync(subject.Learner, cancellationToken).ConfigureAwait(false);
        return
        [
            new("learner profile", e.Learner),
            new("check-ins", e.Checkins),
            new("finished roadmap tasks", e.TaskCompletions),
            new("streak records", e.StreakSummaries),
            new("subscriptions", e.Subscriptions),
            new("challenge submissions", e.OpenSubmissions, e.ClosedSubmissionsAnonymised),
            new("scheduled or sent weekly messages", e.Deliveries),
            new("undelivered-message notices", e.UndeliverableNotices),
            new("direct-message channels", e.DirectChannels),
        ];
    }

    /// <summary>The <c>mentoring</c> section; its shape is documented in docs/privacy.md and pinned by tests.</summary>
    public static JsonObject ToJson(LearnerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var p = data.Profile;
        var streak = data.Streak;
        var subscription = data.Subscription;
        var notice = data.UndeliverableNotice;
        return new JsonObject
        {
            ["profile"] = p is null ? null : new JsonObject
            {
                ["learner"] = p.Id.ToString(),
                ["displayName"] = p.DisplayName,
                ["timeZone"] = p.TimeZoneId,
                ["roadmapWeek"] = p.CurrentWeek,
                ["communities"] = new JsonArray([.. p.Communities.Select(c => (JsonNode?)JsonValue.Create(c.ToString()))]),
                ["createdAt"] = Instant(p.CreatedAt),
            },
            ["checkins"] = new JsonArray([.. data.Checkins.Select(c => (JsonNode?)new JsonObject
            {
                ["date"] = Date(c.LocalDate),
                ["at"] = Instant(c.At),
                ["note"] = c.Note,
            })]),
            ["taskCompletions"] = new JsonArray([.. data.TaskCompletions.Select(c => (JsonNode?)new JsonObject
            {
                ["week"] = c.Week,
                ["date"] = Date(c.LocalDate),
                ["at"] = Instant(c.At),
            })]),
            ["streak"] = streak is null ? null : new JsonObject
            {
                ["lastActiveDay"] = Date(streak.LastActiveDay),
                ["currentAtLastActiveDay"] = streak.CurrentAtLastDay,
                ["longest"] = streak.Longest,
                ["freezesAtLastActiveDay"] = streak.FreezesAtLastDay,
                ["updatedAt"] = Instant(streak.UpdatedAt),
            },
            ["subscription"] = subscription is null ? null : new JsonObject
            {
                ["community"] = subscription.Community.ToString(),
                ["day"] = subscription.Day.ToString(),
                ["time"] = subscription.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["timeZone"] = subscription.TimeZoneId,
                ["pausedUntil"] = subscription.PausedUntil is { } paused ? Date(paused) : null,
                ["createdAt"] = Instant(subscription.CreatedAt),
            },
            ["challengeSubmissions"] = new JsonArray([.. data.Submissions.Select(s => (JsonNode?)new JsonObject
            {
                ["challengeId"] = s.Challenge.Id,
                ["challengeTitle"] = s.Challenge.Title,
                ["community"] = s.Challenge.Community.ToString(),
                ["challengeClosed"] = s.Challenge.ClosedAt is not null,
                ["displayName"] = s.Submission.DisplayName,
                ["link"] = s.Submission.Link,
                ["submittedAt"] = Instant(s.Submission.SubmittedAt),
            })]),
            ["deliveries"] = new JsonArray([.. data.Deliveries.Select(Delivery)]),
            ["undeliverableNotice"] = notice is null ? null : new JsonObject
            {
                ["reason"] = notice.Reason,
                ["at"] = Instant(notice.At),
            },
            ["directMessageChannel"] = data.DirectChannelId,
        };
    }

    private static JsonNode? Delivery(DeliveryRecord d) => new JsonObject
    {
        ["community"] = d.Community.ToString(),
        ["localWeek"] = d.LocalWeek,
        ["roadmapWeek"] = d.RoadmapWeek,
        ["kind"] = d.Kind.ToString(),
        ["status"] = d.Status.ToString(),
        ["slot"] = Instant(d.SlotUtc),
        ["attempts"] = d.Attempts,
        ["completedAt"] = d.CompletedAt is { } completed ? Instant(completed) : null,
        ["lastError"] = d.LastError,
    };

    private static string Instant(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
