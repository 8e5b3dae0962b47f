namespace MentorBot.Core.Knowledge;

/// <summary>One thing wrong with a knowledge file, located so an author can jump to it.</summary>
public sealed record KnowledgeProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
