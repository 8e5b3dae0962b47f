using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace MentorBot.Slack.Payloads;

/// <summary>
/// Reads what Slack sends into the typed payloads: a body that is not a JSON object of the expected shape, or holds
/// text that is not valid UTF-8, gives null, never an exception, so each entry point can answer it with a clear 4xx
/// (HTTP) or ignore it (Socket Mode).
/// </summary>
public static class SlackPayloads
{
    public static T? TryRead<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> info)
        where T : class
    {
        // The parser checks UTF-8 only in the strings it turns into text; a broken byte elsewhere (an ignored field, a
        // property name) would otherwise pass unnoticed in a body that is not what Slack sends.
        if (!Utf8.IsValid(utf8))
            return null;
        try
        {
            return JsonSerializer.Deserialize(utf8, info);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A payload already parsed as part of a larger message (a Socket Mode envelope).</summary>
    public static T? TryRead<T>(JsonElement element, JsonTypeInfo<T> info)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        try
        {
            return element.Deserialize(info);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
