namespace MentorBot.Core.Commands.Handlers;

/// <summary>Small wording helpers shared by the handlers so replies read the same everywhere.</summary>
internal static class Phrases
{
    public static string Days(int count) => count == 1 ? "1 day" : $"{count} days";

    public static string Weeks(int count) => count == 1 ? "1 week" : $"{count} weeks";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DayOfWeek day) => day.ToString();

    /// <summary>The text with its first letter upper-cased, for a sentence that starts with a name such as "you".</summary>
    public static string Sentence(string text) =>
        text.Length == 0 || !char.IsLower(text[0]) ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    /// <summary>"1 attempt", "3 attempts"; irregular plurals are passed in.</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";
}
