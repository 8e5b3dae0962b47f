namespace MentorBot.Core.Knowledge.Learning;

/// <summary>
/// One file's change to the knowledge folder, exactly: its text before and after, and a git-style unified diff that
/// <c>git apply</c> accepts from the repository root.
/// </summary>
/// <param name="Path">The file relative to the knowledge folder, with '/' separators: <c>faq/&lt;id&gt;.md</c>.</param>
/// <param name="OldText">The file's text the change was made from, or null when the change creates the file.</param>
/// <param name="NewText">The file's full text after the change.</param>
/// <param name="Diff">The unified diff, with paths <c>a/&lt;diff root&gt;/faq/&lt;id&gt;.md</c> → <c>b/…</c>.</param>
/// <param name="Description">One line for the moderator and the audit log.</param>
public sealed record KnowledgeChange(string Path, string? OldText, string NewText, string Diff, string Description)
{
    /// <summary>The name to offer the diff under as a download.</summary>
    public string PatchFileName => System.IO.Path.GetFileNameWithoutExtension(Path) + ".patch";
}

/// <summary>A change, or why none could be made (a message for the moderator); never both.</summary>
public sealed record KnowledgeChangeResult(KnowledgeChange? Change, string? Refusal)
{
    public bool Succeeded => Change is not null;

    /// <summary>
    /// On a refusal because the entry already has the most questions allowed: its questions, one of which the new one
    /// can replace instead. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> Replaceable { get; init; } = [];

    public static KnowledgeChangeResult Refused(string reason) => new(null, reason);

    public static KnowledgeChangeResult Succeed(KnowledgeChange change) => new(change, null);
}
