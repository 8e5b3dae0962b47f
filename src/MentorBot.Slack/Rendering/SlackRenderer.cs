using System.Text.Json.Nodes;
using MentorBot.Core.Commands;
using MentorBot.Core.Text;

namespace MentorBot.Slack.Rendering;

/// <summary>Renders a core <see cref="Reply"/> as Block Kit within Slack's documented limits.</summary>
public static class SlackRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxFieldText = 2000;
    public const int MaxFieldsPerSection = 10;
    public const int MaxButtonText = 75;
    public const int MaxButtonsPerActions = 25;
    public const int MaxFallbackText = 40000;

    public static SlackMessage Render(Reply reply)
    {
        var blocks = new List<JsonObject>();
        if (!string.IsNullOrWhiteSpace(reply.Title))
            blocks.Add(Header(reply.Title));

        // Reserve room for the blocks after the text so a very long answer never loses its footer or buttons.
        var tail = new List<JsonObject>();
        foreach (var chunk in reply.Fields.Chunk(MaxFieldsPerSection))
            tail.Add(Fields(chunk));
        if (!string.IsNullOrWhiteSpace(reply.Footer))
            tail.Add(Context(reply.Footer));
        tail.AddRange(Actions(reply.FollowUps));
        if (blocks.Count + tail.Count >= MaxBlocks)
            tail = tail[..(MaxBlocks - blocks.Count - 1)];

        var room = MaxBlocks - blocks.Count - tail.Count;
        var sections = TextSplitter.Split(SlackMrkdwn.FromMarkdown(reply.Text, reply.ChannelLinks), MaxSectionText, keepEntitiesWhole: true);
        if (sections.Count > room)
        {
            sections = [.. sections.Take(room - 1), "_…the rest was too long for one Slack message._"];
        }

        blocks.AddRange(sections.Select(Section));
        blocks.AddRange(tail);
        return new SlackMessage(Fallback(reply), new JsonArray([.. blocks]), reply.Visibility == ReplyVisibility.OnlyYou);
    }

    private static string Fallback(Reply reply)
    {
        var text = string.IsNullOrWhiteSpace(reply.Title) ? reply.Text : reply.Title + "\n" + reply.Text;
        var plain = SlackMrkdwn.ToPlain(text, reply.ChannelLinks);
        if (plain.Length <= MaxFallbackText)
            return plain;
        // Blank text splits into no pieces at all, and even 40,000 spaces need a fallback.
        var pieces = TextSplitter.Split(plain, MaxFallbackText - 1, keepEntitiesWhole: true);
        return (pieces.Count > 0 ? pieces[0] : "") + "…";
    }

    private static JsonObject Header(string title) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(title, MaxHeaderText),
    };

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
    };

    private static JsonObject Fields(IEnumerable<ReplyField> fields)
    {
        var array = new JsonArray();
        foreach (var field in fields)
        {
            var text = $"*{SlackEscaper.Escape(field.Name)}*\n{SlackMrkdwn.FromMarkdown(field.Value)}";
            array.Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(text, MaxFieldText) });
        }

        return new JsonObject { ["type"] = "section", ["fields"] = array };
    }

    private static JsonObject Context(string footer) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject
        {
            ["type"] = "mrkdwn",
            ["text"] = Truncate(SlackMrkdwn.FromMarkdown(footer), MaxSectionText),
        }),
    };

    private static IEnumerable<JsonObject> Actions(IReadOnlyList<FollowUp> followUps)
    {
        var buttons = new List<JsonObject>();
        for (var i = 0; i < followUps.Count; i++)
        {
            var value = FollowUpValue.From(followUps[i]).Encode();
            if (value.Length > FollowUpValue.MaxLength)
                continue;
            buttons.Add(new JsonObject
            {
                ["type"] = "button",
                // Unique within the message, which is all Slack requires of action_id.
                ["action_id"] = $"mentorbot_followup_{i}",
                ["text"] = PlainText(followUps[i].Label, MaxButtonText),
                ["value"] = value,
            });
        }

        foreach (var chunk in buttons.Chunk(MaxButtonsPerActions))
            yield return new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) };
    }

    /// <summary>
    /// A <c>plain_text</c> object (headers, button labels). Slack shows its text as typed: it parses no mentions or
    /// links there and decodes no entities, so the text goes in raw; escaping would show <c>&amp;amp;</c> literally.
    /// </summary>
    private static JsonObject PlainText(string text, int limit) =>
        new() { ["type"] = "plain_text", ["text"] = Truncate(text, limit, escaped: false), ["emoji"] = true };

    /// <summary>One field's text at most <paramref name="limit"/> long; <paramref name="escaped"/> mrkdwn keeps its entities whole.</summary>
    internal static string Truncate(string text, int limit, bool escaped = true) => TextSplitter.Shorten(text, limit, keepEntitiesWhole: escaped);
}
