using System.Globalization;
using LiteDB;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb.Documents;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// Check-ins, task completions and streak summaries. Idempotency rests on unique _ids
/// ("learner|yyyy-MM-dd", "learner|week"): a duplicate insert fails atomically inside LiteDB.
/// </summary>
public sealed class LiteDbActivityStore(LiteDbContext context) : IActivityStore
{
    public Task<bool> TryAddCheckinAsync(Checkin checkin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkin);
        cancellationToken.ThrowIfCancellationRequested();
        var learner = checkin.Learner.ToString();
        var date = StoredTime.Date(checkin.LocalDate);
        var document = new CheckinDocument
        {
            Id = $"{learner}|{date}",
            Learner = learner,
            LocalDate = date,
            AtUtcTicks = StoredTime.UtcTicks(checkin.At),
            AtOffsetMinutes = StoredTime.OffsetMinutes(checkin.At),
            Note = checkin.Note,
        };
        return Task.FromResult(TryInsert(context.Checkins, document));
    }

    public Task<IReadOnlyList<Checkin>> ListCheckinsAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = learner.ToString();
        IReadOnlyList<Checkin> result = context.Checkins.Find(x => x.Learner == key)
            .OrderBy(d => d.LocalDate, StringComparer.Ordinal)
            .ThenBy(d => d.AtUtcTicks)
            .Select(d => new Checkin(
                learner,
                StoredTime.ParseDate(d.LocalDate),
                StoredTime.ToDateTimeOffset(d.AtUtcTicks, d.AtOffsetMinutes),
                d.Note))
            .ToList();
        return Task.FromResult(result);
    }

    public Task<bool> TryAddTaskCompletionAsync(TaskCompletion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        cancellationToken.ThrowIfCancellationRequested();
        var learner = completion.Learner.ToString();
        var document = new TaskCompletionDocument
        {
            Id = $"{learner}|{completion.Week.ToString(CultureInfo.InvariantCulture)}",
            Learner = learner,
            Week = completion.Week,
            LocalDate = StoredTime.Date(completion.LocalDate),
            AtUtcTicks = StoredTime.UtcTicks(completion.At),
            AtOffsetMinutes = StoredTime.OffsetMinutes(completion.At),
        };
        return Task.FromResult(TryInsert(context.TaskCompletions, document));
    }

    public Task<IReadOnlyList<TaskCompletion>> ListTaskCompletionsAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = learner.ToString();
        IReadOnlyList<TaskCompletion> result = context.TaskCompletions.Find(x => x.Learner == key)
            .OrderBy(d => d.AtUtcTicks)
            .ThenBy(d => d.Week)
            .Select(d => new TaskCompletion(
                learner,
                d.Week,
                StoredTime.ParseDate(d.LocalDate),
                StoredTime.ToDateTimeOffset(d.AtUtcTicks, d.AtOffsetMinutes)))
            .ToList();
        return Task.FromResult(result);
    }

    public Task UpsertStreakSummaryAsync(StreakSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        cancellationToken.ThrowIfCancellationRequested();
        context.StreakSummaries.Upsert(new StreakSummaryDocument
        {
            Id = summary.Learner.ToString(),
            DisplayName = summary.DisplayName,
            TimeZoneId = summary.TimeZoneId,
            LastActiveDay = StoredTime.Date(summary.LastActiveDay),
            CurrentAtLastDay = summary.CurrentAtLastDay,
            Longest = summary.Longest,
            FreezesAtLastDay = summary.FreezesAtLastDay,
            UpdatedAtUtcTicks = StoredTime.UtcTicks(summary.UpdatedAt),
            UpdatedAtOffsetMinutes = StoredTime.OffsetMinutes(summary.UpdatedAt),
        });
        return Task.CompletedTask;
    }

    public Task<StreakSummary?> GetStreakSummaryAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = context.StreakSummaries.FindById(learner.ToString());
        return Task.FromResult(document is null ? null : ToSummary(document));
    }

    /// <summary>Summaries of the given learners that have one, in the order the learners were given.</summary>
    public Task<IReadOnlyList<StreakSummary>> ListStreakSummariesAsync(IReadOnlyCollection<LearnerId> learners, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(learners);
        cancellationToken.ThrowIfCancellationRequested();
        var collection = context.StreakSummaries;
        var result = new List<StreakSummary>(learners.Count);
        foreach (var learner in learners.Distinct())
        {
            var document = collection.FindById(learner.ToString());
            if (document is not null)
                result.Add(ToSummary(document));
        }

        return Task.FromResult<IReadOnlyList<StreakSummary>>(result);
    }

    private static bool TryInsert<T>(ILiteCollection<T> collection, T document)
    {
        try
        {
            collection.Insert(document);
            return true;
        }
        catch (LiteException ex) when (LiteDbContext.IsDuplicateKey(ex))
        {
            return false;
        }
    }

    internal static StreakSummary ToSummary(StreakSummaryDocument d) => new(
        LearnerId.Parse(d.Id),
        d.DisplayName,
        d.TimeZoneId,
        StoredTime.ParseDate(d.LastActiveDay),
        d.CurrentAtLastDay,
        d.Longest,
        d.FreezesAtLastDay,
        StoredTime.ToDateTimeOffset(d.UpdatedAtUtcTicks, d.UpdatedAtOffsetMinutes));
}
