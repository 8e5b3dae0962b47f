namespace MentorBot.Core.Knowledge.Learning;

/// <summary>
/// Whether a change was written into the knowledge folder, a message for the moderator, and when the check refused
/// the result, its problems (located in the live folder's files).
/// </summary>
public sealed record KnowledgeWriteResult(bool Written, string Message, IReadOnlyList<KnowledgeProblem> Problems)
{
    public static KnowledgeWriteResult Refused(string message, IReadOnlyList<KnowledgeProblem>? problems = null) => new(false, message, problems ?? []);
}
