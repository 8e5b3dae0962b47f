namespace MentorBot.Core.Knowledge;

/// <summary>The knowledge folder could not be loaded at start; the message lists every problem as <c>file:line: message</c>.</summary>
public sealed class InvalidKnowledgeException(string root, IReadOnlyList<KnowledgeProblem> problems)
    : Exception($"The knowledge folder '{root}' has {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    public IReadOnlyList<KnowledgeProblem> Problems { get; } = problems;
}
