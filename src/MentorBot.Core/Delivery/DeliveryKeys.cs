using System.Globalization;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Delivery;

/// <summary>How deliveries are named: <c>discord:123|2026-W48</c>, the learner and their local ISO week.</summary>
public static class DeliveryKeys
{
    public static string For(LearnerId learner, string localWeek) => $"{learner}|{localWeek}";

    /// <summary><c>2026-W48</c>: the ISO week-numbering year, which differs from the calendar year around New Year.</summary>
    public static string IsoWeek(DateOnly localDate)
    {
        var day = localDate.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}");
    }
}
