namespace MentorBot.Storage.Postgres;

/// <summary>
/// Instants are stored as UTC ticks plus the offset in minutes: timestamptz keeps microseconds and drops the offset,
/// and the stores promise an exact round-trip of a <see cref="DateTimeOffset"/> (as the LiteDB provider does).
/// </summary>
internal static class Ticks
{
    public static int Offset(DateTimeOffset value) => (int)value.Offset.TotalMinutes;

    public static DateTimeOffset ToDateTimeOffset(long utcTicks, int offsetMinutes) =>
        new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    public static DateTimeOffset Utc(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
