using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Core.Time;

namespace MentorBot.Core.Learners;

/// <summary>Finds or creates the profile behind an <see cref="Actor"/> and keeps its communities and name current.</summary>
public sealed class LearnerService(ILearnerStore learners, LearnerLocks locks, TimeProvider time)
{
    public async Task<LearnerProfile> GetOrCreateAsync(Actor actor, CommunityId community, CancellationToken cancellationToken)
    {
        using var gate = await locks.AcquireAsync(actor.Id, cancellationToken).ConfigureAwait(false);
        var profile = await learners.GetAsync(actor.Id, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            var timeZone = TimeZones.TryResolve(actor.TimeZoneHint, out _, out var hinted) ? hinted : TimeZones.Utc;
            profile = new LearnerProfile(actor.Id, actor.DisplayName, timeZone, 1, [community], time.GetUtcNow());
            await learners.UpsertAsync(profile, cancellationToken).ConfigureAwait(false);
            return profile;
        }

        var inCommunity = profile.Communities.Contains(community);
        var renamed = !string.IsNullOrWhiteSpace(actor.DisplayName) && actor.DisplayName != profile.DisplayName;
        if (inCommunity && !renamed)
            return profile;

        profile = profile with
        {
            DisplayName = renamed ? actor.DisplayName : profile.DisplayName,
            Communities = inCommunity ? profile.Communities : [.. profile.Communities, community],
        };
        await learners.UpsertAsync(profile, cancellationToken).ConfigureAwait(false);
        return profile;
    }

    public Task<LearnerProfile?> FindAsync(LearnerId id, CancellationToken cancellationToken) =>
        learners.GetAsync(id, cancellationToken);

    /// <summary>Stores a canonical IANA id as the learner's zone; returns the updated profile.</summary>
    public async Task<LearnerProfile> SetTimeZoneAsync(LearnerId id, string canonicalTimeZoneId, CancellationToken cancellationToken)
    {
        using var gate = await locks.AcquireAsync(id, cancellationToken).ConfigureAwait(false);
        var profile = await learners.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Learner {id} has no profile.");
        if (profile.TimeZoneId == canonicalTimeZoneId)
            return profile;
        profile = profile with { TimeZoneId = canonicalTimeZoneId };
        await learners.UpsertAsync(profile, cancellationToken).ConfigureAwait(false);
        return profile;
    }
}
