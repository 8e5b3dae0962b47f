using System.Globalization;
using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Learners;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Benchmarks;

/// <summary>One seeded learner with everything the dashboard reads about them.</summary>
internal sealed record SeedLearner(
    LearnerProfile Profile,
    Checkin[] Checkins,
    TaskCompletion[] Tasks,
    StreakSummary Summary,
    Subscription? Subscription,
    DeliveryRecord? Delivery);

/// <summary>
/// A deterministic community for the reports benchmark: <c>count</c> learners, <c>checkinsEach</c> check-ins each on
/// distinct days of the last 120, roadmap weeks skewed towards the start (a funnel), a task per finished week, a streak
/// summary each, a subscription for every second learner and this week's delivery for each subscription, in a mix of
/// outcomes. The same arguments give the same data, so both providers are seeded alike.
/// </summary>
internal static class ReportSeed
{
    private static readonly string[] FirstNames =
        ["Ana", "Ben", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jun", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara"];

    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Asia/Kolkata"];

    public static IEnumerable<SeedLearner> Generate(CommunityId community, string userPrefix, int count, int checkinsEach, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var weekStart = IsoWeek.StartOf(today);
        var weekStartUtc = new DateTimeOffset(weekStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var weekSoFar = Math.Max(1, (long)(now - weekStartUtc).TotalMinutes);
        var localWeek = ISOWeek.GetYear(now.UtcDateTime).ToString(CultureInfo.InvariantCulture) + "-W" + ISOWeek.GetWeekOfYear(now.UtcDateTime).ToString("00", CultureInfo.InvariantCulture);
        var created = now.AddDays(-200);

        for (var i = 0; i < count; i++)
        {
            var random = new Random(unchecked(userPrefix.GetHashCode(StringComparison.Ordinal) * 397 ^ i));
            var id = new LearnerId(community.Platform, userPrefix + i.ToString(CultureInfo.InvariantCulture));
            var name = $"{FirstNames[i % FirstNames.Length]} {i:D6}";
            var zone = Zones[i % Zones.Length];
            // Geometric: half the learners on week 1 or 2, a few reach 15 (finished).
            var week = 1;
            while (week < 15 && random.NextDouble() < 0.78)
                week++;

            var offsets = new SortedSet<int>();
            while (offsets.Count < checkinsEach)
                offsets.Add(random.Next(0, 120));
            var checkins = offsets.Reverse()
                .Select(o => today.AddDays(-o))
                .Select(day => new Checkin(id, day, NotAfter(now, new DateTimeOffset(day.ToDateTime(new TimeOnly(random.Next(0, 24), random.Next(0, 60))), TimeSpan.Zero)), null))
                .ToArray();
            var tasks = Enumerable.Range(1, week - 1)
                .Select(w => checkins[random.Next(checkins.Length)])
                .Select((c, w) => new TaskCompletion(id, w + 1, c.LocalDate, c.At))
                .ToArray();

            var current = random.Next(0, 10) < 4 ? 0 : (int)Math.Min(60, -Math.Log(1 - random.NextDouble()) * 6);
            var summary = new StreakSummary(id, name, zone, checkins[^1].LocalDate, current, current + random.Next(0, 10), random.Next(0, 3), checkins[^1].At);

            Subscription? subscription = null;
            DeliveryRecord? delivery = null;
            if (i % 2 == 0)
            {
                subscription = new Subscription(id, community, (DayOfWeek)random.Next(0, 7), new TimeOnly(random.Next(6, 22), 0), zone, null, created);
                var slot = weekStartUtc.AddMinutes(random.NextInt64(0, weekSoFar));
                var (status, attempts) = (i / 2 % 20) switch
                {
                    < 14 => (DeliveryRecordStatus.Sent, 1),
                    < 16 => (DeliveryRecordStatus.Pending, 0),
                    < 18 => (DeliveryRecordStatus.Pending, 2),
                    18 => (DeliveryRecordStatus.Skipped, 0),
                    _ => (DeliveryRecordStatus.Undeliverable, 1),
                };
                delivery = new DeliveryRecord(
                    DeliveryKeys.For(id, localWeek), id, community, slot, localWeek, Math.Min(week, 14), DeliveryKind.Task, status, attempts,
                    slot, status == DeliveryRecordStatus.Pending ? now.AddMinutes(attempts * 5) : slot,
                    status == DeliveryRecordStatus.Pending ? null : slot, attempts > 0 && status != DeliveryRecordStatus.Sent ? "seeded" : null);
            }

            yield return new SeedLearner(
                new LearnerProfile(id, name, zone, week, [community], created),
                checkins, tasks, summary, subscription, delivery);
        }
    }

    private static DateTimeOffset NotAfter(DateTimeOffset now, DateTimeOffset at) => at > now ? now : at;
}
