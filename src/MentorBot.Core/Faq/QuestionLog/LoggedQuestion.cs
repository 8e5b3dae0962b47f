using MentorBot.Core.Identity;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// One <c>/faq</c> question as the question log keeps it. The platform is <see cref="CommunityId.Platform"/>. The
/// asker is only a per-community keyed hash (<see cref="AskerHasher"/>), null once they asked to be forgotten.
/// </summary>
public sealed record LoggedQuestion(
    string Id,
    CommunityId Community,
    string Text,
    string Normalised,
    DateTimeOffset At,
    QuestionDecision Decision,
    string EngineVersion,
    string? AskerHash);
