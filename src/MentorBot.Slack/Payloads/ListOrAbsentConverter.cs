using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MentorBot.Slack.Payloads;

/// <summary>
/// For a property that holds an array of objects: the objects in it are read as <typeparamref name="T"/>; other items,
/// and a value that is not an array at all, are skipped (a non-array reads as an empty list).
/// </summary>
internal sealed class ListOrAbsentConverter<T> : JsonConverter<IReadOnlyList<T>>
    where T : class
{
    public override bool HandleNull => true;

    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            SkipValue.Past(ref reader);
            return [];
        }

        var items = new List<T>();
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject && JsonSerializer.Deserialize(ref reader, info) is { } item)
                items.Add(item);
            else
                SkipValue.Past(ref reader);
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
            JsonSerializer.Serialize(writer, item, info);
        writer.WriteEndArray();
    }
}
