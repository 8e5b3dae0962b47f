using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentorBot.Slack.Rendering;

/// <summary>A rendered reply: the notification fallback, the Block Kit blocks and who sees it.</summary>
public sealed record SlackMessage(string Text, JsonArray Blocks, bool Ephemeral)
{
    public string ResponseType => Ephemeral ? "ephemeral" : "in_channel";

    /// <summary>The body for a slash-command response, a <c>response_url</c> post or a Socket Mode ack payload.</summary>
    public JsonObject ToResponseJson() => new()
    {
        ["response_type"] = ResponseType,
        ["text"] = Text,
        ["blocks"] = Blocks.DeepClone(),
    };

    /// <summary>The same body as <see cref="ToResponseJson"/>, written straight to UTF-8 without copying the blocks.</summary>
    public byte[] ToResponseUtf8()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("response_type", ResponseType);
            writer.WriteString("text", Text);
            writer.WritePropertyName("blocks");
            Blocks.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The body for <c>chat.postMessage</c>.</summary>
    public JsonObject ToPostMessageJson(string channel) => new()
    {
        ["channel"] = channel,
        ["text"] = Text,
        ["blocks"] = Blocks.DeepClone(),
    };
}
