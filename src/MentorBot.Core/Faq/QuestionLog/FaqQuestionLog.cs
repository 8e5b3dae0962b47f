using MentorBot.Core.Background;
using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// What <c>/faq</c> does with the question log: logs questions (queued, never on the answer's path), records votes and
/// suggestion clicks, and gives a learner's records out or forgets them. Off when no <see cref="IQuestionLog"/> is
/// registered or <c>Faq:QuestionLog:Enabled</c> is false.
/// </summary>
public sealed partial class FaqQuestionLog : IAsyncDisposable, IDisposable
{
    /// <summary>The ack of a vote, shown only to the voter.</summary>
    public const string VoteRecorded = "Thanks — noted.";

    private readonly IQuestionLog? _store;
    private readonly AskerHasher? _hasher;
    private readonly QuestionLogWriter? _writer;
    private readonly FaqEngineVersion _engine;
    private readonly IBackgroundWorkQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public FaqQuestionLog(
        IOptions<QuestionLogOptions> options,
        IFaqService faq,
        IBackgroundWorkQueue queue,
        TimeProvider time,
        ILogger<FaqQuestionLog>? logger = null,
        IQuestionLog? store = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _engine = new FaqEngineVersion(faq);
        if (store is not null && options.Value.Enabled)
        {
            _store = store;
            _hasher = new AskerHasher(store);
            _writer = new QuestionLogWriter(store, _hasher, time, _logger, options.Value.MaxPending, options.Value.FlushInterval);
        }
    }

    public bool Enabled => _store is not null;

    /// <summary>Queues the question for the log and returns its new id, or null when the log is off.</summary>
    public string? Log(CommandRequest request, string question, FaqResult result, KnowledgeBase snapshot)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_writer is null)
            return null;
        var at = _time.GetUtcNow();
        var id = QuestionIds.New(at);
        _writer.Enqueue(new PendingQuestion(id, request.Community, request.Actor.Id, question, at, result, _engine.For(snapshot)));
        return id;
    }

    /// <summary>Queues the implicit feedback of a "Did you mean…" click: the question <paramref name="questionId"/> meant <paramref name="entryId"/>.</summary>
    public void RecordChoice(CommandRequest request, string questionId, string entryId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_store is null || _writer is null || _hasher is null)
            return;
        var community = request.Community;
        var learner = request.Actor.Id;
        var at = _time.GetUtcNow();
        _queue.TryEnqueue("question log suggestion click", async ct =>
        {
            try
            {
                await _writer.FlushAsync(ct).ConfigureAwait(false);
                var question = await _store.GetAsync(community, questionId, ct).ConfigureAwait(false);
                if (question is null || !question.Decision.SuggestionIds.Contains(entryId, StringComparer.OrdinalIgnoreCase))
                {
                    LogChoiceIgnored(_logger, community);
                    return;
                }
                var voter = await _hasher.HashAsync(community, learner, ct).ConfigureAwait(false);
                await _store.RecordFeedbackAsync(community, new QuestionFeedback(questionId, voter, FeedbackKind.ChoseSuggestion, entryId, at), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogChoiceFailed(_logger, ex);
            }
        });
    }

    /// <summary>
    /// Records the learner's Helpful / Not helpful vote on the answer to <paramref name="questionId"/> about
    /// <paramref name="entryId"/> (the answered entry when null), replacing their earlier vote.
    /// </summary>
    public async Task<Reply> VoteAsync(CommandRequest request, string? questionId, bool helpful, string? entryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_store is null || _writer is null || _hasher is null)
            return Reply.Refusal("Feedback on answers is not being collected here. Nothing was recorded.");
        if (!QuestionIds.IsValid(questionId))
            return Reply.Refusal("That rating button is not one of mine. Nothing was recorded.");
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        var question = await _store.GetAsync(request.Community, questionId!, cancellationToken).ConfigureAwait(false);
        if (question is null)
            return UnknownQuestion;
        var entry = entryId ?? question.Decision.EntryId;
        if (entry is null || !question.Decision.Offered(entry))
            return Reply.Refusal("That rating does not match the answer it was given for. Nothing was recorded.");

        var voter = await _hasher.HashAsync(request.Community, request.Actor.Id, cancellationToken).ConfigureAwait(false);
        var feedback = new QuestionFeedback(questionId!, voter, helpful ? FeedbackKind.Helpful : FeedbackKind.NotHelpful, entry, _time.GetUtcNow());
        var outcome = await _store.RecordFeedbackAsync(request.Community, feedback, cancellationToken).ConfigureAwait(false);
        return outcome == FeedbackOutcome.UnknownQuestion
            ? UnknownQuestion
            : new Reply { Text = VoteRecorded, Visibility = ReplyVisibility.OnlyYou };
    }

    /// <summary>Everything the log holds about the learner in the community (for <c>/mydata</c>); null when the log is off.</summary>
    public async Task<AskerRecords?> ExportAsync(CommunityId community, LearnerId learner, CancellationToken cancellationToken = default)
    {
        if (_store is null || _hasher is null)
            return null;
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var hash = await _hasher.HashAsync(community, learner, cancellationToken).ConfigureAwait(false);
        return await _store.ExportAskerAsync(community, hash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the learner's feedback and unlinks their questions in the community (for <c>/forget</c>); null when the log is off.</summary>
    public async Task<AskerForgotten?> ForgetAsync(CommunityId community, LearnerId learner, CancellationToken cancellationToken = default)
    {
        if (_store is null || _hasher is null)
            return null;
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var hash = await _hasher.HashAsync(community, learner, cancellationToken).ConfigureAwait(false);
        return await _store.ForgetAskerAsync(community, hash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes every question still queued and stops the writer; questions logged afterwards are dropped.</summary>
    public ValueTask DisposeAsync() => _writer?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Writes every question queued so far.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        _writer?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>
    /// At host stop: writes what is queued. When <paramref name="cancellationToken"/> (the shutdown timeout) fires
    /// first, the write under way is cancelled and the rest is dropped with a warning, so disposal does not hang on a
    /// stalled database.
    /// </summary>
    public async Task FlushForShutdownAsync(CancellationToken cancellationToken)
    {
        if (_writer is null)
            return;
        try
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _writer.Abandon();
        }
    }

    /// <summary>Questions queued and not yet written (0 when the log is off), for tests and diagnostics.</summary>
    public int Pending => _writer?.Pending ?? 0;

    private static Reply UnknownQuestion =>
        Reply.Refusal("I can't find the answer you rated: it is older than the question log keeps, or from another community. Nothing was recorded.");

    [LoggerMessage(EventId = 1402, Level = LogLevel.Debug, Message = "A suggestion click in {Community} did not match a logged question's suggestions; not recorded")]
    private static partial void LogChoiceIgnored(ILogger logger, CommunityId community);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Could not record a suggestion click in the question log (the answer was not affected)")]
    private static partial void LogChoiceFailed(ILogger logger, Exception exception);
}
