namespace MentorBot.Core.Knowledge;

/// <summary>
/// A draft FAQ entry is a file with <c>draft: true</c> in its front matter. <c>knowledge check</c> validates it like
/// any entry (its id and questions are reserved, so publishing it later cannot clash) and the loader leaves it out of
/// the snapshot, so its placeholder answer never reaches a learner. A draft may have fewer than
/// <see cref="KnowledgeLimits.MinQuestions"/> questions; an entry that is not a draft may not keep the placeholder.
/// </summary>
public static class KnowledgeDrafts
{
    /// <summary>The start of the placeholder answer; the checker refuses it in an entry that is no longer a draft.</summary>
    public const string PlaceholderMarker = "DRAFT: this entry is not served";

    /// <summary>The placeholder answer of a new draft.</summary>
    public const string PlaceholderAnswer =
        PlaceholderMarker + " until a moderator writes the answer here (at most 1,800 characters) and removes 'draft: true' from the front matter.\n\n" +
        "Sources: name the documents the answer comes from.";

    /// <summary>The placeholder item of a new draft's <c>sources</c> field.</summary>
    public const string PlaceholderSource = "TODO: the source documents of the answer";
}
