using MentorBot.Core.Commands;
using MentorBot.Core.Text;

namespace MentorBot.Discord.Rendering;

/// <summary>
/// Turns a core <see cref="Reply"/> into one or more Discord messages within Discord's limits. The first message is
/// the answer (the interaction response); any further ones carry text that did not fit and go out as follow-ups.
/// Buttons ride on the last message so they sit under the whole answer.
/// </summary>
public static class ReplyRenderer
{
    private const int InfoColor = 0x5865F2;
    private const int SuccessColor = 0x57F287;
    private const int RefusalColor = 0xED4245;
    private const string Ellipsis = "…";

    public static IReadOnlyList<MessagePayload> Render(Reply reply)
    {
        int? flags = reply.Visibility == ReplyVisibility.OnlyYou ? MessageFlags.Ephemeral : null;
        var messages = NeedsEmbed(reply) ? RenderEmbed(reply, flags) : RenderContent(reply.Text, flags);
        var components = Buttons(reply.FollowUps);
        if (components.Count > 0)
            messages[^1] = messages[^1] with { Components = components };
        return messages;
    }

    private static bool NeedsEmbed(Reply reply) =>
        reply.Title is not null || reply.Fields.Count > 0 || reply.Footer is not null;

    // Discord rejects a message with nothing in it; a zero-width space keeps an empty reply deliverable.
    private static List<MessagePayload> RenderContent(string text, int? flags)
    {
        var pieces = TextSplitter.Split(text, DiscordLimits.Content);
        return [.. (pieces.Count > 0 ? pieces : ["\u200b"]).Select(piece => new MessagePayload { Content = piece, Flags = flags })];
    }

    private static List<MessagePayload> RenderEmbed(Reply reply, int? flags)
    {
        var title = reply.Title is null ? null : Truncate(reply.Title, DiscordLimits.EmbedTitle);
        var footer = reply.Footer is null ? null : Truncate(reply.Footer, DiscordLimits.FooterText);
        var fields = new List<EmbedField>();
        var used = (title?.Length ?? 0) + (footer?.Length ?? 0);
        // Keep room for at least a useful slice of the description; fields that do not fit are dropped, not cut mid-way.
        var fieldBudget = DiscordLimits.EmbedTotal - used - Math.Min(reply.Text.Length, 1000);
        foreach (var field in reply.Fields.Take(DiscordLimits.EmbedFields))
        {
            var name = Truncate(string.IsNullOrWhiteSpace(field.Name) ? "\u200b" : field.Name, DiscordLimits.FieldName);
            var value = Truncate(string.IsNullOrWhiteSpace(field.Value) ? "\u200b" : field.Value, DiscordLimits.FieldValue);
            if (name.Length + value.Length > fieldBudget)
                break;
            fieldBudget -= name.Length + value.Length;
            used += name.Length + value.Length;
            fields.Add(new EmbedField(name, value, field.Inline));
        }

        var descriptionLimit = Math.Min(DiscordLimits.EmbedDescription, DiscordLimits.EmbedTotal - used);
        var pieces = TextSplitter.Split(reply.Text, Math.Max(1, descriptionLimit));
        var embed = new Embed
        {
            Title = title,
            Description = pieces.Count > 0 ? pieces[0] : null,
            Color = reply.Kind switch { ReplyKind.Success => SuccessColor, ReplyKind.Refusal => RefusalColor, _ => InfoColor },
            Fields = fields.Count > 0 ? fields : null,
            Footer = footer is null ? null : new EmbedFooter(footer),
        };
        var messages = new List<MessagePayload> { new() { Embeds = [embed], Flags = flags } };
        var overflow = string.Join("\n\n", pieces.Skip(1));
        if (overflow.Length > 0)
            messages.AddRange(RenderContent(overflow, flags));
        return messages;
    }

    private static List<ActionRow> Buttons(IReadOnlyList<FollowUp> followUps)
    {
        var buttons = new List<Button>();
        foreach (var followUp in followUps)
        {
            if (buttons.Count == DiscordLimits.ButtonsPerRow * DiscordLimits.Rows)
                break;
            // A follow-up whose options do not fit a custom id is left out rather than sent broken.
            if (CustomIdCodec.Encode(followUp) is not { } customId || buttons.Any(b => b.CustomId == customId))
                continue;
            var label = string.IsNullOrWhiteSpace(followUp.Label) ? "/" + followUp.Command : followUp.Label;
            buttons.Add(new Button(Truncate(label, DiscordLimits.ButtonLabel), customId));
        }
        return [.. buttons.Chunk(DiscordLimits.ButtonsPerRow).Select(row => new ActionRow(row))];
    }

    internal static string Truncate(string text, int max)
    {
        text = text.Trim();
        return text.Length <= max ? text : text[..(max - Ellipsis.Length)].TrimEnd() + Ellipsis;
    }
}
