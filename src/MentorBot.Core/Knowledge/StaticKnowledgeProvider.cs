namespace MentorBot.Core.Knowledge;

/// <summary>A fixed snapshot: for one-shot tools, tests and benchmarks that need no reloading.</summary>
public sealed class StaticKnowledgeProvider(KnowledgeBase knowledge) : IKnowledgeProvider
{
    public KnowledgeBase Current { get; } = knowledge;
}
