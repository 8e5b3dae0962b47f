using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MentorBot.Slack.Payloads;

/// <summary>
/// For a property that holds an object in the payloads the bot handles but may hold something else in others: an
/// object is read as <typeparamref name="T"/>, anything else is absent (null), like a missing field.
/// </summary>
internal sealed class ObjectOrAbsentConverter<T> : JsonConverter<T>
    where T : class
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            SkipValue.Past(ref reader);
            return null;
        }

        return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
}
