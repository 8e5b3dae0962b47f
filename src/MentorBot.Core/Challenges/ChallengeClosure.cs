using MentorBot.Core.Storage;

namespace MentorBot.Core.Challenges;

/// <summary>A challenge just closed, with everything that was submitted to it.</summary>
public sealed record ChallengeClosure(Challenge Challenge, IReadOnlyList<ChallengeSubmission> Submissions);
