namespace MentorBot.Core.Knowledge;

/// <summary>Where the knowledge folder is (<c>Knowledge:Path</c>) and how long to wait for an editor to finish saving.</summary>
public sealed record KnowledgeOptions
{
    public string Path { get; init; } = "knowledge";

    public TimeSpan ReloadDelay { get; init; } = TimeSpan.FromMilliseconds(300);
}
