using System.Text.RegularExpressions;

namespace MentorBot.Discord.Rest;

/// <summary>
/// Rate-limit identity of a request. Discord keys limits by bucket plus top-level resource (channel, guild, webhook
/// + token), so the route template keeps those ids and replaces every other snowflake.
/// </summary>
public static partial class RouteKey
{
    public static string For(HttpMethod method, string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
            path = path[..query];
        // Tokens never appear in the key, because the key is logged; the major parameter (kept apart) holds them.
        var template = Snowflake().Replace(Token().Replace(path, "$1{token}"), "{id}");
        return $"{method.Method} {template}";
    }

    /// <summary>The top-level resource a limit is shared under, e.g. <c>channels/123</c>.</summary>
    public static string MajorParameter(string path)
    {
        var match = Major().Match(path);
        return match.Success ? match.Value.TrimStart('/') : "";
    }

    /// <summary>Interaction callbacks and webhook-token routes are exempt from the global limit.</summary>
    public static bool IsGlobalExempt(string path) =>
        path.StartsWith("/interactions/", StringComparison.Ordinal) || path.StartsWith("/webhooks/", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<=/)\d{5,}(?=/|$)")]
    private static partial Regex Snowflake();

    [GeneratedRegex(@"^(/(?:webhooks|interactions)/\d+/)[^/?]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"^/(channels|guilds)/\d+|^/(webhooks|interactions)/\d+/[^/?]+")]
    private static partial Regex Major();
}
