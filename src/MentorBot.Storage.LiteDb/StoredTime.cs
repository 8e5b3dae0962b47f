using System.Globalization;

namespace MentorBot.Storage.LiteDb;

/// <summary>Lossless conversions between Core value types and the primitives kept in documents.</summary>
internal static class StoredTime
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm";
    private const string PreciseTimeFormat = "HH:mm:ss.FFFFFFF";

    public static long UtcTicks(DateTimeOffset value) => value.UtcTicks;

    public static int OffsetMinutes(DateTimeOffset value) => (int)value.Offset.TotalMinutes;

    public static DateTimeOffset ToDateTimeOffset(long utcTicks, int offsetMinutes) =>
        new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string value) => DateOnly.ParseExact(value, DateFormat, CultureInfo.InvariantCulture);

    /// <summary>"HH:mm"; seconds are only written when present so nothing is lost.</summary>
    public static string Time(TimeOnly value) =>
        value.Ticks % TimeSpan.TicksPerMinute == 0
            ? value.ToString(TimeFormat, CultureInfo.InvariantCulture)
            : value.ToString(PreciseTimeFormat, CultureInfo.InvariantCulture);

    public static TimeOnly ParseTime(string value) =>
        TimeOnly.ParseExact(value, [TimeFormat, PreciseTimeFormat], CultureInfo.InvariantCulture);
}
