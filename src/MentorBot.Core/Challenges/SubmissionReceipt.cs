using MentorBot.Core.Storage;

namespace MentorBot.Core.Challenges;

/// <summary>A stored submission; <see cref="Replaced"/> when it overwrote the learner's earlier link.</summary>
public sealed record SubmissionReceipt(Challenge Challenge, ChallengeSubmission Submission, bool Replaced);
