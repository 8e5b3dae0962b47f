using MentorBot.Core.Storage;

namespace MentorBot.Core.Challenges;

/// <summary>What <see cref="IChallengeStore.UpsertSubmissionAsync"/> did with a submission.</summary>
public enum SubmissionOutcome
{
    /// <summary>Stored: the learner's first submission to the challenge.</summary>
    Added,

    /// <summary>Stored: it replaced the learner's earlier submission.</summary>
    Replaced,

    /// <summary>Not stored: the challenge was closed.</summary>
    ChallengeClosed,

    /// <summary>Not stored: there is no such challenge.</summary>
    ChallengeMissing,
}
