using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Slack.Payloads;

/// <summary>Reads <c>true</c> as true and anything else (false, null, a string, an object) as false, as Slack's flags are read.</summary>
internal sealed class LenientBoolConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType == JsonTokenType.True;
        SkipValue.Past(ref reader);
        return value;
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
