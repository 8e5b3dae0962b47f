namespace MentorBot.Core.Commands;

/// <summary>
/// What the core answers, as data. <see cref="Text"/> uses a small Markdown subset (paragraphs, <c>- </c> bullets,
/// <c>**bold**</c>, <c>`code`</c>, bare links) that every renderer understands; adapters own escaping and limits.
/// </summary>
public sealed record Reply
{
    public required string Text { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<ReplyField> Fields { get; init; } = [];

    /// <summary>Questions or commands worth trying next; adapters render them as buttons where they can.</summary>
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    /// <summary>A short closing line such as the sources of an answer.</summary>
    public string? Footer { get; init; }

    public ReplyVisibility Visibility { get; init; } = ReplyVisibility.Public;

    public ReplyKind Kind { get; init; } = ReplyKind.Info;

    /// <summary>
    /// Channel ids the core itself chose (from configuration, never from what a user typed) that <see cref="Text"/>
    /// mentions as <c>&lt;#id&gt;</c>. Renderers that escape all text (Slack) turn exactly these back into channel links;
    /// Discord reads <c>&lt;#id&gt;</c> as a link anyway.
    /// </summary>
    public IReadOnlyList<string> ChannelLinks { get; init; } = [];

    /// <summary>A file to send with the reply, e.g. a <c>/mydata</c> export; null for almost every reply.</summary>
    public ReplyAttachment? Attachment { get; init; }

    /// <summary>A short, only-for-you message for input the core could not act on. Nothing was changed.</summary>
    public static Reply Refusal(string text) =>
        new() { Text = text, Kind = ReplyKind.Refusal, Visibility = ReplyVisibility.OnlyYou };
}
