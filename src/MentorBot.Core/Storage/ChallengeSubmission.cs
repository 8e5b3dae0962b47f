using MentorBot.Core.Identity;

namespace MentorBot.Core.Storage;

/// <summary>A learner's entry to a challenge; one per learner and challenge, a resubmission replaces the link.</summary>
public sealed record ChallengeSubmission(int ChallengeId, LearnerId Learner, string DisplayName, string Link, DateTimeOffset SubmittedAt);
