namespace MentorBot.Core.Knowledge;

/// <summary>
/// Where the knowledge folder is (<c>Knowledge:Path</c>), how long to wait for an editor to finish saving, and whether
/// the learning loop may write changes into it (<c>Knowledge:Writable</c>).
/// </summary>
public sealed record KnowledgeOptions
{
    public string Path { get; init; } = "knowledge";

    public TimeSpan ReloadDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Whether <see cref="Learning.KnowledgeWriter"/> may write a change into the folder (after the check passes on the
    /// result). Off by default: the folder is usually a git checkout, and changes go through review as patches.
    /// </summary>
    public bool Writable { get; init; }
}
