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

    /// <summary>The body for <c>chat.postMessage</c>.</summary>
    public JsonObject ToPostMessageJson(string channel) => new()
    {
        ["channel"] = channel,
        ["text"] = Text,
        ["blocks"] = Blocks.DeepClone(),
    };
}
