using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Slack.Payloads;

/// <summary>
/// Reads a JSON string as text and any other value as absent (null). Slack reuses field names with other shapes across
/// event types (<c>user</c> and <c>channel</c> are objects in <c>user_change</c> and <c>channel_created</c>), and a field
/// of an unexpected shape must leave the payload ignored, not refused. A string that is not text (invalid UTF-8, a lone
/// escaped surrogate) is a <see cref="JsonException"/>: the body is unreadable, whatever field it is in.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            SkipValue.Past(ref reader);
            return null;
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException("A JSON string is not valid text.", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
