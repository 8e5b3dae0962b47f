using MentorBot.Core.Storage;

namespace MentorBot.Core.Challenges;

/// <summary>An open challenge and how many learners have submitted so far.</summary>
public sealed record ChallengeSummary(Challenge Challenge, int SubmissionCount);
