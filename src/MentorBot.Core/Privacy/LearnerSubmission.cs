using MentorBot.Core.Challenges;

namespace MentorBot.Core.Privacy;

/// <summary>A learner's challenge submission with the challenge it belongs to, so an export says where it went.</summary>
public sealed record LearnerSubmission(ChallengeSubmission Submission, Challenge Challenge);
