using LiteDB;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb.Documents;
using MentorBot.Core.Learners;

namespace MentorBot.Storage.LiteDb;

/// <summary>Learner profiles in the <c>learners</c> collection, keyed by the learner id string.</summary>
public sealed class LiteDbLearnerStore(LiteDbContext context) : ILearnerStore
{
    public Task<LearnerProfile?> GetAsync(LearnerId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.Learners.FindById(id.ToString());
        return Task.FromResult(document is null ? null : ToProfile(document));
    }

    public Task UpsertAsync(LearnerProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        cancellationToken.ThrowIfCancellationRequested();
        var document = ToDocument(profile);
        lock (context.WriteLock)
            context.Learners.Upsert(document);
        return Task.CompletedTask;
    }

    public Task<bool> TryAdvanceWeekAsync(LearnerId id, int expectedWeek, int newWeek, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (context.WriteLock)
        {
            var learners = context.Learners;
            var document = learners.FindById(id.ToString());
            if (document is null || document.CurrentWeek != expectedWeek)
                return Task.FromResult(false);

            document.CurrentWeek = newWeek;
            return Task.FromResult(learners.Update(document));
        }
    }

    public Task<IReadOnlyList<LearnerProfile>> ListByCommunityAsync(CommunityId community, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var query = BsonExpression.Create("$.Communities[*] ANY = @0", new BsonValue(community.ToString()));
        IReadOnlyList<LearnerProfile> result = context.Learners.Find(query)
            .Select(ToProfile)
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id.ToString(), StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(result);
    }

    private static LearnerDocument ToDocument(LearnerProfile profile) => new()
    {
        Id = profile.Id.ToString(),
        DisplayName = profile.DisplayName,
        TimeZoneId = profile.TimeZoneId,
        CurrentWeek = profile.CurrentWeek,
        Communities = profile.Communities.Select(c => c.ToString()).ToList(),
        CreatedAtUtcTicks = StoredTime.UtcTicks(profile.CreatedAt),
        CreatedAtOffsetMinutes = StoredTime.OffsetMinutes(profile.CreatedAt),
    };

    internal static LearnerProfile ToProfile(LearnerDocument document) => new(
        LearnerId.Parse(document.Id),
        document.DisplayName,
        document.TimeZoneId,
        document.CurrentWeek,
        document.Communities.Select(CommunityId.Parse).ToList(),
        StoredTime.ToDateTimeOffset(document.CreatedAtUtcTicks, document.CreatedAtOffsetMinutes));
}
