using MentorBot.Core.Identity;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// A question waiting to be written. It holds the raw learner id only in memory, until the writer has hashed it; the
/// normalised form and the decision record are made there too, off the answer's path.
/// </summary>
internal sealed record PendingQuestion(
    string Id, CommunityId Community, LearnerId Asker, string Text, DateTimeOffset At, FaqResult Result, string EngineVersion);
