using System.Globalization;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb.Documents;
using MentorBot.Core.Challenges;

namespace MentorBot.Storage.LiteDb;

/// <summary>Challenges (auto-increment int ids 1, 2, 3, …) and their submissions (_id = "challengeId|learner").</summary>
public sealed class LiteDbChallengeStore(LiteDbContext context) : IChallengeStore
{
    public Task<Challenge> CreateAsync(Challenge challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        cancellationToken.ThrowIfCancellationRequested();
        var document = new ChallengeDocument
        {
            Id = 0, // LiteDB assigns the next int id.
            Community = challenge.Community.ToString(),
            Title = challenge.Title,
            Description = challenge.Description,
            Due = StoredTime.Date(challenge.Due),
            PostedBy = challenge.PostedBy.ToString(),
            PostedAtUtcTicks = StoredTime.UtcTicks(challenge.PostedAt),
            PostedAtOffsetMinutes = StoredTime.OffsetMinutes(challenge.PostedAt),
            ClosedAtUtcTicks = challenge.ClosedAt is { } closed ? StoredTime.UtcTicks(closed) : null,
            ClosedAtOffsetMinutes = challenge.ClosedAt is { } closedAt ? StoredTime.OffsetMinutes(closedAt) : null,
        };
        var id = context.Challenges.Insert(document).AsInt32;
        return Task.FromResult(challenge with { Id = id });
    }

    public Task<Challenge?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.Challenges.FindById(id);
        return Task.FromResult(document is null ? null : ToChallenge(document));
    }

    public Task<IReadOnlyList<Challenge>> ListAsync(CommunityId community, bool includeClosed, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = community.ToString();
        IReadOnlyList<Challenge> result = context.Challenges.Find(x => x.Community == key)
            .Where(d => includeClosed || d.ClosedAtUtcTicks is null)
            .OrderByDescending(d => d.PostedAtUtcTicks)
            .ThenByDescending(d => d.Id)
            .Select(ToChallenge)
            .ToList();
        return Task.FromResult(result);
    }

    public Task<bool> TryCloseAsync(int id, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (context.WriteLock)
        {
            var challenges = context.Challenges;
            var document = challenges.FindById(id);
            if (document is null || document.ClosedAtUtcTicks is not null)
                return Task.FromResult(false);

            document.ClosedAtUtcTicks = StoredTime.UtcTicks(closedAt);
            document.ClosedAtOffsetMinutes = StoredTime.OffsetMinutes(closedAt);
            return Task.FromResult(challenges.Update(document));
        }
    }

    public Task<SubmissionOutcome> UpsertSubmissionAsync(ChallengeSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        cancellationToken.ThrowIfCancellationRequested();
        var learner = submission.Learner.ToString();
        var document = new ChallengeSubmissionDocument
        {
            Id = $"{submission.ChallengeId.ToString(CultureInfo.InvariantCulture)}|{learner}",
            ChallengeId = submission.ChallengeId,
            Learner = learner,
            DisplayName = submission.DisplayName,
            Link = submission.Link,
            SubmittedAtUtcTicks = StoredTime.UtcTicks(submission.SubmittedAt),
            SubmittedAtOffsetMinutes = StoredTime.OffsetMinutes(submission.SubmittedAt),
        };
        // Under the lock TryCloseAsync takes, so a close cannot land between the open check and the write.
        lock (context.WriteLock)
        {
            var challenge = context.Challenges.FindById(submission.ChallengeId);
            if (challenge is null)
                return Task.FromResult(SubmissionOutcome.ChallengeMissing);
            if (challenge.ClosedAtUtcTicks is not null)
                return Task.FromResult(SubmissionOutcome.ChallengeClosed);
            return Task.FromResult(context.Submissions.Upsert(document) ? SubmissionOutcome.Added : SubmissionOutcome.Replaced);
        }
    }

    public Task<IReadOnlyList<ChallengeSubmission>> ListSubmissionsAsync(int challengeId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ChallengeSubmission> result = context.Submissions.Find(x => x.ChallengeId == challengeId)
            .OrderBy(d => d.SubmittedAtUtcTicks)
            .ThenBy(d => d.Learner, StringComparer.Ordinal)
            .Select(d => new ChallengeSubmission(
                d.ChallengeId,
                LearnerId.Parse(d.Learner),
                d.DisplayName,
                d.Link,
                StoredTime.ToDateTimeOffset(d.SubmittedAtUtcTicks, d.SubmittedAtOffsetMinutes)))
            .ToList();
        return Task.FromResult(result);
    }

    internal static Challenge ToChallenge(ChallengeDocument d) => new(
        d.Id,
        CommunityId.Parse(d.Community),
        d.Title,
        d.Description,
        StoredTime.ParseDate(d.Due),
        LearnerId.Parse(d.PostedBy),
        StoredTime.ToDateTimeOffset(d.PostedAtUtcTicks, d.PostedAtOffsetMinutes),
        d.ClosedAtUtcTicks is { } ticks ? StoredTime.ToDateTimeOffset(ticks, d.ClosedAtOffsetMinutes ?? 0) : null);
}
