namespace MentorBot.Core.Knowledge;

/// <summary>Hands out the knowledge snapshot that is live now; a reload swaps it atomically.</summary>
public interface IKnowledgeProvider
{
    KnowledgeBase Current { get; }
}
