using System.Diagnostics.CodeAnalysis;

namespace MentorBot.Core.Time;

/// <summary>
/// Resolves what people type as a time zone to a canonical IANA id. The OS lookup is case-sensitive on Linux and
/// accepts odd inputs, so ids are matched against the system's own list first.
/// </summary>
public static class TimeZones
{
    public const string Utc = "UTC";

    private const int MaxIdLength = 64;

    private static readonly Lazy<Dictionary<string, string>> Known = new(LoadKnown);

    public static bool TryResolve(string? input, [NotNullWhen(true)] out TimeZoneInfo? timeZone, [NotNullWhen(true)] out string? canonicalId)
    {
        timeZone = null;
        canonicalId = null;
        var text = input?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxIdLength || !text.All(IsIdChar))
            return false;
        if (text.StartsWith('/') || text.Contains("..", StringComparison.Ordinal))
            return false;

        if (string.Equals(text, Utc, StringComparison.OrdinalIgnoreCase) || string.Equals(text, "Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            timeZone = TimeZoneInfo.Utc;
            canonicalId = Utc;
            return true;
        }

        var id = Known.Value.GetValueOrDefault(text) ?? text;
        try
        {
            timeZone = TimeZoneInfo.FindSystemTimeZoneById(id);
            canonicalId = Known.Value.GetValueOrDefault(timeZone.Id) ?? timeZone.Id;
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The zone for a stored id; a stored id that no longer resolves falls back to UTC rather than failing the command.</summary>
    public static TimeZoneInfo FindOrUtc(string? id) =>
        TryResolve(id, out var timeZone, out _) ? timeZone : TimeZoneInfo.Utc;

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);

    public static DateOnly Today(TimeProvider time, string? timeZoneId) =>
        LocalDate(time.GetUtcNow(), FindOrUtc(timeZoneId));

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+';

    private static Dictionary<string, string> LoadKnown()
    {
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
            known.TryAdd(zone.Id, zone.Id);
        return known;
    }
}
