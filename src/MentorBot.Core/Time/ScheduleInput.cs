using System.Globalization;
using System.Text.RegularExpressions;

namespace MentorBot.Core.Time;

/// <summary>Lenient parsing of the days, times and dates people type into chat.</summary>
public static partial class ScheduleInput
{
    private static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Full English day names or any prefix of three letters or more (mon, tues, thurs).</summary>
    public static bool TryParseDay(string? input, out DayOfWeek day)
    {
        day = DayOfWeek.Monday;
        var text = input?.Trim().ToLowerInvariant() ?? "";
        if (text.Length < 3)
            return false;
        foreach (var candidate in Days)
        {
            if (candidate.ToString().ToLowerInvariant().StartsWith(text, StringComparison.Ordinal))
            {
                day = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>24-hour <c>HH:mm</c>, a bare hour (<c>9</c>), or with am/pm (<c>9am</c>, <c>6:30pm</c>).</summary>
    public static bool TryParseTime(string? input, out TimeOnly time)
    {
        time = default;
        var match = TimePattern().Match(input?.Trim() ?? "");
        if (!match.Success)
            return false;
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["ap"].Success ? match.Groups["ap"].Value.ToLowerInvariant() : null;
        if (minute > 59)
            return false;
        if (meridiem is null)
        {
            if (hour > 23)
                return false;
        }
        else
        {
            if (hour is < 1 or > 12)
                return false;
            hour %= 12;
            if (meridiem == "pm")
                hour += 12;
        }
        time = new TimeOnly(hour, minute);
        return true;
    }

    /// <summary>Exactly <c>yyyy-MM-dd</c>, so 03/04 can never mean two different days.</summary>
    public static bool TryParseDate(string? input, out DateOnly date) =>
        DateOnly.TryParseExact(input?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    [GeneratedRegex(@"^(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ap>am|pm)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
