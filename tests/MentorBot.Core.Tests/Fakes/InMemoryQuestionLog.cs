using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Tests.Fakes;

/// <summary>The question log in lists, for handler tests; the providers are held to the same behaviour by QuestionLogContract.</summary>
internal sealed class InMemoryQuestionLog : IQuestionLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CommunityId, byte[]> _salts = [];
    private readonly List<LoggedQuestion> _questions = [];
    private readonly List<QuestionFeedback> _feedback = [];

    public IReadOnlyList<LoggedQuestion> Questions
    {
        get { lock (_gate) return [.. _questions]; }
    }

    public IReadOnlyList<QuestionFeedback> Feedback
    {
        get { lock (_gate) return [.. _feedback]; }
    }

    /// <summary>When set, every write throws it (a storage outage).</summary>
    public Exception? Failure { get; set; }

    public Task<byte[]> GetOrAddSaltAsync(CommunityId community, byte[] candidate, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_salts.TryGetValue(community, out var salt) ? salt : _salts[community] = candidate);
    }

    /// <summary>How many successful <see cref="AppendAsync"/> calls (batch writes) there were.</summary>
    public int Appends { get; private set; }

    /// <summary>Runs at the start of every write, as if it happened while the write was under way.</summary>
    public Action? DuringAppend { get; set; }

    public Task AppendAsync(IReadOnlyList<LoggedQuestion> questions, CancellationToken cancellationToken = default)
    {
        DuringAppend?.Invoke();
        if (Failure is { } failure)
            throw failure;
        lock (_gate)
        {
            _questions.AddRange(questions);
            Appends++;
        }
        return Task.CompletedTask;
    }

    public Task<LoggedQuestion?> GetAsync(CommunityId community, string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_questions.FirstOrDefault(q => q.Id == id && q.Community == community));
    }

    public Task<IReadOnlyList<LoggedQuestion>> ListAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<LoggedQuestion>>(
            [
                .. _questions.Where(q => q.Community == community && q.At >= since).OrderBy(q => q.At),
            ]);
        }
    }

    public Task<ShakyQuestionPage> ListShakyAsync(
        CommunityId community, DateTimeOffset since, ShakyCut cut, int limit, ShakyCursor? after = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var distinct = _questions.Where(q => q.Community == community && q.At >= since && cut.IsShaky(q))
                .GroupBy(q => q.Normalised, StringComparer.Ordinal)
                .Select(g =>
                {
                    var latest = g.OrderBy(q => q.At.UtcTicks).ThenBy(q => q.Id, StringComparer.Ordinal).Last();
                    return new ShakyQuestion(g.Key, latest.Text, g.Count(), latest.At, latest.Decision);
                })
                .ToList();
            var ordered = distinct.Where(q => after is null || after.Precedes(q))
                .OrderByDescending(q => q.LastAsked.UtcTicks).ThenByDescending(q => q.Normalised, StringComparer.Ordinal).ToList();
            var page = ordered.Take(limit).ToList();
            return Task.FromResult(new ShakyQuestionPage(page, distinct.Count, distinct.Sum(q => q.Count), ordered.Count > limit ? page[^1].Cursor : null));
        }
    }

    public Task<int> CountAskersAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_questions.Where(q => q.Community == community && q.At >= since && q.AskerHash is not null).Select(q => q.AskerHash).Distinct().Count());
    }

    public Task<FeedbackOutcome> RecordFeedbackAsync(CommunityId community, QuestionFeedback feedback, CancellationToken cancellationToken = default)
    {
        if (Failure is { } failure)
            throw failure;
        lock (_gate)
        {
            if (!_questions.Any(q => q.Id == feedback.QuestionId && q.Community == community))
                return Task.FromResult(FeedbackOutcome.UnknownQuestion);
            var removed = _feedback.RemoveAll(f => f.QuestionId == feedback.QuestionId && f.VoterHash == feedback.VoterHash && f.IsVote == feedback.IsVote);
            _feedback.Add(feedback);
            return Task.FromResult(removed > 0 ? FeedbackOutcome.Replaced : FeedbackOutcome.Recorded);
        }
    }

    public Task<IReadOnlyList<EntryFeedback>> FeedbackByEntryAsync(CommunityId community, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var ids = _questions.Where(q => q.Community == community).Select(q => q.Id).ToHashSet();
            return Task.FromResult<IReadOnlyList<EntryFeedback>>(
            [
                .. _feedback.Where(f => ids.Contains(f.QuestionId) && f.At >= since).GroupBy(f => f.EntryId).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new EntryFeedback(g.Key, g.Count(f => f.Kind == FeedbackKind.Helpful), g.Count(f => f.Kind == FeedbackKind.NotHelpful), g.Count(f => f.Kind == FeedbackKind.ChoseSuggestion))),
            ]);
        }
    }

    public Task<AskerRecords> ExportAskerAsync(CommunityId community, string askerHash, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var ids = _questions.Where(q => q.Community == community).Select(q => q.Id).ToHashSet();
            return Task.FromResult(new AskerRecords(
                [.. _questions.Where(q => q.Community == community && q.AskerHash == askerHash)],
                [.. _feedback.Where(f => ids.Contains(f.QuestionId) && f.VoterHash == askerHash)]));
        }
    }

    public Task<AskerForgotten> ForgetAskerAsync(CommunityId community, string askerHash, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var ids = _questions.Where(q => q.Community == community).Select(q => q.Id).ToHashSet();
            var deleted = _feedback.RemoveAll(f => ids.Contains(f.QuestionId) && f.VoterHash == askerHash);
            var unlinked = 0;
            for (var i = 0; i < _questions.Count; i++)
            {
                if (_questions[i].Community == community && _questions[i].AskerHash == askerHash)
                {
                    _questions[i] = _questions[i] with { AskerHash = null };
                    unlinked++;
                }
            }
            return Task.FromResult(new AskerForgotten(unlinked, deleted));
        }
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var old = _questions.Where(q => q.At < before).Select(q => q.Id).ToHashSet();
            _feedback.RemoveAll(f => old.Contains(f.QuestionId));
            return Task.FromResult(_questions.RemoveAll(q => old.Contains(q.Id)));
        }
    }
}
