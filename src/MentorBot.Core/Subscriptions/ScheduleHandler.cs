using System.Globalization;
using System.Text;
using MentorBot.Core.Delivery;
using MentorBot.Core.Storage;
using MentorBot.Core.Time;
using MentorBot.Core.Commands;
using MentorBot.Core.Commands.Handlers;
using MentorBot.Core.Learners;

namespace MentorBot.Core.Subscriptions;

/// <summary>
/// <c>/schedule preview | log</c>: what the weekly delivery will send next in this community, and what it sent.
/// The outbox is optional so a host or tool that runs the core without the delivery engine still starts.
/// </summary>
public sealed class ScheduleHandler(
    ISubscriptionStore subscriptions,
    ILearnerStore learners,
    TimeProvider time,
    IDeliveryOutbox? outbox = null) : ICommandHandler
{
    private const string NotRunningText = "Weekly delivery isn't running on this host, so there is no schedule to show.";

    public const int PreviewItems = 10;
    public const int LogItems = 15;

    private static readonly TimeSpan PreviewHorizon = TimeSpan.FromDays(7);

    public CommandDefinition Definition { get; } = new("schedule", "Moderators: upcoming and recent weekly deliveries")
    {
        ModeratorOnly = true,
        Subcommands =
        [
            new CommandDefinition("preview", "Who gets the weekly task next, and how many per hour") { Usage = "/schedule preview" },
            new CommandDefinition("log", "The latest weekly deliveries and their outcome") { Usage = "/schedule log" },
        ],
        Usage = "/schedule preview | log",
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (outbox is null)
            return Task.FromResult(new Reply { Text = NotRunningText, Visibility = ReplyVisibility.OnlyYou });
        return string.Equals(request.Subcommand, "log", StringComparison.OrdinalIgnoreCase)
            ? LogAsync(request, outbox, cancellationToken)
            : PreviewAsync(request, outbox, cancellationToken);
    }

    private async Task<Reply> PreviewAsync(CommandRequest request, IDeliveryOutbox deliveries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await subscriptions.ListAllAsync(cancellationToken).ConfigureAwait(false);
        var mine = all.Where(s => s.Community == request.Community).ToList();
        var slots = DeliveryPlanner.Plan(mine, now, now + PreviewHorizon).OrderBy(s => s.SlotUtc).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        if (slots.Count == 0)
        {
            return new Reply
            {
                Title = "Upcoming deliveries",
                Text = $"Nothing is due in the next 7 days ({Phrases.Count(mine.Count, "subscribed learner")} in this community).",
                Visibility = ReplyVisibility.OnlyYou,
            };
        }

        var text = new StringBuilder();
        foreach (var slot in slots.Take(PreviewItems))
            text.Append(await PreviewLineAsync(slot, deliveries, cancellationToken).ConfigureAwait(false)).Append('\n');
        if (slots.Count > PreviewItems)
            text.Append(CultureInfo.InvariantCulture, $"…and {slots.Count - PreviewItems} more this week.\n");

        var next24 = slots.Where(s => s.SlotUtc < now.AddHours(24)).ToList();
        text.Append("\n**Next 24 hours, per hour (UTC):**");
        if (next24.Count == 0)
            text.Append(" none");
        foreach (var hour in next24.GroupBy(s => HourOf(s.SlotUtc)).OrderBy(g => g.Key))
            text.Append("\n- ").Append(hour.Key.ToString("ddd HH:00", CultureInfo.InvariantCulture)).Append(" — ").Append(hour.Count());

        return new Reply
        {
            Title = "Upcoming deliveries",
            Text = text.ToString().TrimEnd('\n'),
            Footer = $"{Phrases.Count(mine.Count, "subscribed learner")}; {Phrases.Count(slots.Count, "delivery", "deliveries")} in the next 7 days.",
            Visibility = ReplyVisibility.OnlyYou,
        };
    }

    private async Task<string> PreviewLineAsync(DeliverySlot slot, IDeliveryOutbox deliveries, CancellationToken cancellationToken)
    {
        var learner = slot.Subscription.Learner;
        var profile = await learners.GetAsync(learner, cancellationToken).ConfigureAwait(false);
        var local = TimeZoneInfo.ConvertTime(slot.SlotUtc, TimeZones.FindOrUtc(slot.Subscription.TimeZoneId));
        var line = new StringBuilder("- **").Append(profile?.DisplayName ?? learner.ToString()).Append("** — ")
            .Append(slot.SlotUtc.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC (")
            .Append(local.ToString("ddd HH:mm", CultureInfo.InvariantCulture)).Append(' ').Append(slot.Subscription.TimeZoneId).Append(") · week ")
            .Append(profile?.CurrentWeek ?? 1);
        // A learner who moved their day after this week's message went out is not sent a second one.
        if (await deliveries.GetAsync(slot.Key, cancellationToken).ConfigureAwait(false) is not null)
            line.Append(" · already delivered for ").Append(slot.LocalWeek);
        return line.ToString();
    }

    private async Task<Reply> LogAsync(CommandRequest request, IDeliveryOutbox deliveries, CancellationToken cancellationToken)
    {
        var records = await deliveries.ListRecentAsync(request.Community, LogItems, cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
            return new Reply { Title = "Recent deliveries", Text = "No weekly deliveries yet in this community.", Visibility = ReplyVisibility.OnlyYou };

        var text = new StringBuilder();
        foreach (var record in records)
        {
            var profile = await learners.GetAsync(record.Learner, cancellationToken).ConfigureAwait(false);
            text.Append("- **").Append(profile?.DisplayName ?? record.Learner.ToString()).Append("** · ").Append(record.LocalWeek)
                .Append(" · ").Append(Describe(record)).Append(" · ").Append(Outcome(record)).Append('\n');
        }
        return new Reply
        {
            Title = "Recent deliveries",
            Text = text.ToString().TrimEnd('\n'),
            Footer = "Newest first; times in UTC.",
            Visibility = ReplyVisibility.OnlyYou,
        };
    }

    private static string Describe(DeliveryRecord record) => record.Kind switch
    {
        DeliveryKind.Congratulation => "roadmap finished",
        DeliveryKind.Nudge => $"week {record.RoadmapWeek} (nudge)",
        _ => $"week {record.RoadmapWeek}",
    };

    private static string Outcome(DeliveryRecord record) => record.Status switch
    {
        DeliveryRecordStatus.Sent => $"sent {Stamp(record.CompletedAt ?? record.SlotUtc)}",
        DeliveryRecordStatus.Undeliverable => $"undeliverable ({record.LastError})",
        DeliveryRecordStatus.Skipped => $"skipped, due {Stamp(record.SlotUtc)} ({record.LastError})",
        _ when record.Attempts == 0 => $"pending since {Stamp(record.SlotUtc)}",
        _ => $"pending, {Phrases.Count(record.Attempts, "attempt")}, next {Stamp(record.NextAttemptAt)} ({record.LastError})",
    };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static DateTime HourOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
    }
}
