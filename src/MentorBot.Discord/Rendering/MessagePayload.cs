namespace MentorBot.Discord.Rendering;

/// <summary>The body of a message, webhook message, edit, or interaction-response <c>data</c>.</summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Always present: without it, regular messages would ping every mention in echoed user text.</summary>
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;

    public int? Flags { get; init; }

    public IReadOnlyList<ActionRow>? Components { get; init; }

    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    /// <summary>Files uploaded with the message, each matching a <c>files[N]</c> part of a multipart request.</summary>
    public IReadOnlyList<MessageAttachment>? Attachments { get; init; }
}
