using System.Text.Json;

namespace MentorBot.Slack.Payloads;

/// <summary>Skips the value the reader is on, for the lenient converters.</summary>
internal static class SkipValue
{
    /// <remarks>
    /// <c>Skip</c> refuses a reader over a partial buffer (a streamed response) even where the value is whole;
    /// <c>TrySkip</c> succeeds there, because the serializer buffers a custom converter's whole value before calling it.
    /// </remarks>
    public static void Past(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
            throw new JsonException("A JSON value ended early.");
    }
}
