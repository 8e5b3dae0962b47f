using System.Globalization;
using System.Text;
using System.Text.Json;
using MentorBot.Core.Time;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// The local date of every zone the system knows at one instant, as a jsonb object for SQL to look a zone up in
/// (<c>$n::jsonb -&gt;&gt; zone</c>), with the earliest and latest of them. Computed here so SQL never needs time-zone rules.
/// </summary>
internal sealed record LocalTodays(string Json, DateOnly Earliest, DateOnly Latest)
{
    private static readonly Lazy<string[]> ZoneIds = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append(TimeZones.Utc).Distinct(StringComparer.Ordinal)]);

    public static LocalTodays At(DateTimeOffset now)
    {
        var buffer = new MemoryStream();
        DateOnly? earliest = null, latest = null;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var zone in ZoneIds.Value)
            {
                var today = TimeZones.LocalDate(now, TimeZones.FindOrUtc(zone));
                json.WriteString(zone, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                earliest = earliest is { } e && e <= today ? e : today;
                latest = latest is { } l && l >= today ? l : today;
            }
            json.WriteEndObject();
        }
        return new LocalTodays(Encoding.UTF8.GetString(buffer.ToArray()), earliest!.Value, latest!.Value);
    }
}
