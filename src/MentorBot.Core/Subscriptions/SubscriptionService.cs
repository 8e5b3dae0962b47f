using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Time;
using MentorBot.Core.Commands;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Subscriptions;

/// <summary>
/// Weekly roadmap delivery settings. Every input is validated before anything is stored. The next delivery it reports
/// comes from the planner the delivery engine uses, less the weeks the outbox already holds a delivery for (the engine
/// sends one a local week), so a host without the outbox reports the plain schedule.
/// </summary>
public sealed class SubscriptionService(ISubscriptionStore subscriptions, LearnerService learners, TimeProvider time, IDeliveryOutbox? outbox = null)
{
    // More than the longest pause (a year), so the search always ends on a slot.
    private const int MaxWeeksAhead = 60;

    public static readonly TimeOnly DefaultTime = new(9, 0);

    public const DayOfWeek DefaultDay = DayOfWeek.Monday;

    public async Task<ServiceResult<SubscriptionReceipt>> SubscribeAsync(
        LearnerProfile learner, CommunityId community, string? dayText, string? timeText, string? timeZoneText, CancellationToken cancellationToken)
    {
        var day = DefaultDay;
        if (dayText is not null && !ScheduleInput.TryParseDay(dayText, out day))
            return ServiceResult.Fail<SubscriptionReceipt>($"'{dayText}' isn't a day of the week. Use monday … sunday (or mon, tue, …).");
        var at = DefaultTime;
        if (timeText is not null && !ScheduleInput.TryParseTime(timeText, out at))
            return ServiceResult.Fail<SubscriptionReceipt>($"'{timeText}' isn't a time. Use 24-hour HH:mm, e.g. 09:00 or 18:30.");
        var timeZoneId = learner.TimeZoneId;
        if (timeZoneText is not null)
        {
            if (!TimeZones.TryResolve(timeZoneText, out _, out var canonical))
                return ServiceResult.Fail<SubscriptionReceipt>($"'{timeZoneText}' isn't a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or UTC.");
            timeZoneId = canonical;
        }
        else if (!TimeZones.TryResolve(timeZoneId, out _, out var stored))
        {
            timeZoneId = TimeZones.Utc;
        }
        else
        {
            timeZoneId = stored;
        }

        var now = time.GetUtcNow();
        var existing = await subscriptions.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var subscription = new Subscription(learner.Id, community, day, at, timeZoneId, null, existing?.CreatedAt ?? now);
        await subscriptions.UpsertAsync(subscription, cancellationToken).ConfigureAwait(false);
        await learners.SetTimeZoneAsync(learner.Id, timeZoneId, cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(new SubscriptionReceipt(subscription, await NextDeliveryAsync(subscription, now, cancellationToken).ConfigureAwait(false)));
    }

    public Task<bool> UnsubscribeAsync(LearnerId learner, CancellationToken cancellationToken) =>
        subscriptions.DeleteAsync(learner, cancellationToken);

    public async Task<ServiceResult<SubscriptionReceipt>> PauseAsync(LearnerId learner, string? untilText, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(learner, cancellationToken).ConfigureAwait(false);
        if (subscription is null)
            return ServiceResult.Fail<SubscriptionReceipt>("You aren't subscribed, so there is nothing to pause. Use /subscribe first.");
        if (!ScheduleInput.TryParseDate(untilText, out var until))
            return ServiceResult.Fail<SubscriptionReceipt>($"'{untilText}' isn't a date. Write it as yyyy-MM-dd, e.g. 2026-12-01.");
        var now = time.GetUtcNow();
        var today = TimeZones.LocalDate(now, TimeZones.FindOrUtc(subscription.TimeZoneId));
        if (until < today)
            return ServiceResult.Fail<SubscriptionReceipt>($"{until:yyyy-MM-dd} is in the past; pick today ({today:yyyy-MM-dd}) or a later date.");
        // A year at most, so a typo in the year cannot silence someone for a decade.
        if (until > today.AddYears(1))
            return ServiceResult.Fail<SubscriptionReceipt>($"You can pause for at most a year, until {today.AddYears(1):yyyy-MM-dd}.");

        subscription = subscription with { PausedUntil = until };
        await subscriptions.UpsertAsync(subscription, cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(new SubscriptionReceipt(subscription, await NextDeliveryAsync(subscription, now, cancellationToken).ConfigureAwait(false)));
    }

    public Task<Subscription?> GetAsync(LearnerId learner, CancellationToken cancellationToken) =>
        subscriptions.GetAsync(learner, cancellationToken);

    private async Task<DateTimeOffset> NextDeliveryAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var slot in DeliveryPlanner.Upcoming(subscription, now).Take(MaxWeeksAhead))
        {
            // The engine plans a slot only once per learner and local week: a week that already had its delivery is skipped.
            if (outbox is null || await outbox.GetAsync(slot.Key, cancellationToken).ConfigureAwait(false) is null)
                return slot.SlotUtc;
        }
        return DeliverySchedule.NextOccurrence(subscription, now);
    }
}
