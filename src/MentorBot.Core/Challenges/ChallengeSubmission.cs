using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Challenges;

/// <summary>A learner's entry to a challenge; one per learner and challenge, a resubmission replaces the link.</summary>
public sealed record ChallengeSubmission(int ChallengeId, LearnerId Learner, string DisplayName, string Link, DateTimeOffset SubmittedAt);
