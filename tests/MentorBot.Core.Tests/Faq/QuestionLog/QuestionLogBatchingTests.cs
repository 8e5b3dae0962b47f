using MentorBot.Core.Background;
using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Tests.Fakes;
using MentorBot.Testing;
using MentorBot.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Core.Tests.Faq.QuestionLog;

/// <summary>The question log's writer: questions gather for the flush interval and go to storage as one batch.</summary>
public sealed class QuestionLogBatchingTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryQuestionLog _store = new();
    private readonly CapturingLoggerProvider _logs = new();
    private FaqQuestionLog? _log;

    public async ValueTask DisposeAsync()
    {
        if (_log is not null)
            await _log.DisposeAsync();
    }

    [Fact]
    public async Task Queued_questions_are_written_as_one_batch_once_the_flush_interval_has_passed()
    {
        var log = Create(new QuestionLogOptions { FlushInterval = TimeSpan.FromSeconds(1) });
        for (var i = 0; i < 3; i++)
            log.Log(Ask(), $"question {i}", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);
        Assert.Equal(3, log.Pending);
        Assert.Empty(_store.Questions);

        // The writer starts the interval when it sees the first question; moving the clock on until the write lands
        // covers that moment, whenever the writer's thread gets to it.
        await Wait.UntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            return _store.Questions.Count == 3;
        });

        Assert.True(_time.GetUtcNow() - Start >= TimeSpan.FromSeconds(1));
        Assert.Equal(1, _store.Appends);
        Assert.Equal(0, log.Pending);
    }

    [Fact]
    public async Task Questions_that_arrive_during_a_write_wait_for_their_own_interval_instead_of_being_written_at_once()
    {
        // Under steady load every write finds new questions when it ends; writing them at once was a commit per handful
        // of questions, back to back (the log's cost on a busy /faq was mostly these commits).
        var time = new TimerCountingTimeProvider(_time);
        var log = Create(new QuestionLogOptions { FlushInterval = TimeSpan.FromSeconds(1) }, time);
        var arrived = false;
        _store.DuringAppend = () =>
        {
            if (arrived)
                return;
            arrived = true;
            for (var i = 0; i < 10; i++)
                log.Log(Ask(), $"during the write {i}", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);
        };
        log.Log(Ask(), "first", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);
        await Wait.UntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            return _store.Appends >= 1;
        });
        var firstWritten = _time.GetUtcNow();

        // Next the writer either writes again at once, or starts a new interval (a timer) for the ten.
        await Wait.UntilAsync(() => _store.Appends == 2 || time.Timers >= 2);
        Assert.Equal(1, _store.Appends);
        Assert.Equal(10, log.Pending);

        await Wait.UntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            return _store.Appends == 2;
        });
        Assert.True(_time.GetUtcNow() - firstWritten >= TimeSpan.FromSeconds(1));
        Assert.Equal(11, _store.Questions.Count);
    }

    [Fact]
    public async Task Up_to_5000_questions_go_to_storage_in_one_write()
    {
        // Each storage write has a fixed cost (a LiteDB commit was 5-10 ms of CPU), so a busy log writes rarely.
        var log = Create(new QuestionLogOptions { MaxPending = 20_000 });
        for (var i = 0; i < 5001; i++)
            log.Log(Ask(), $"question {i}", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);

        await log.FlushAsync();

        Assert.Equal(5001, _store.Questions.Count);
        Assert.Equal(2, _store.Appends);
    }

    [Fact]
    public async Task Questions_beyond_max_pending_are_dropped_and_reported_at_most_once_per_interval()
    {
        // The flush interval outlasts the drop report interval: moving the clock on by the latter must not also let the
        // writer empty the queue, or "one more" would be written instead of dropped, depending on which thread ran first.
        var log = Create(new QuestionLogOptions { MaxPending = 2, FlushInterval = TimeSpan.FromHours(1) });
        for (var i = 0; i < 5; i++)
            log.Log(Ask(), $"question {i}", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);

        Assert.Equal(2, log.Pending);
        Assert.Equal(["Count=1"], DropReports());

        _time.Advance(QuestionLogWriter.DropReportInterval);
        log.Log(Ask(), "one more", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);

        Assert.Equal(["Count=1", "Count=3"], DropReports());
        await log.FlushAsync();
        Assert.Equal(["question 0", "question 1"], _store.Questions.Select(q => q.Text));
    }

    [Fact]
    public async Task A_failed_batch_write_is_logged_and_the_writer_goes_on_with_the_next()
    {
        var log = Create(new QuestionLogOptions());
        _store.Failure = new InvalidOperationException("database unavailable");
        log.Log(Ask(), "lost", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);
        await log.FlushAsync();
        _store.Failure = null;
        log.Log(Ask(), "kept", new FaqResult(null, 0.1, []), KnowledgeBase.Empty);
        await log.FlushAsync();

        Assert.Equal(["kept"], _store.Questions.Select(q => q.Text));
        Assert.Contains(_logs.Entries, e => e.Contains("[1400]", StringComparison.Ordinal));
    }

    private List<string> DropReports() =>
        _logs.Entries.Where(e => e.Contains("[1450]", StringComparison.Ordinal))
            .Select(e => e.Split(" | ").Single(part => part.StartsWith("Count=", StringComparison.Ordinal)))
            .ToList();

    private FaqQuestionLog Create(QuestionLogOptions options, TimeProvider? time = null) =>
        _log = new FaqQuestionLog(
            Options.Create(options), new StubFaqService(), new NoBackgroundWork(), time ?? _time,
            new CapturedLogger<FaqQuestionLog>(_logs.CreateLogger(nameof(FaqQuestionLog))), _store);

    private static CommandRequest Ask() =>
        new("faq", new Dictionary<string, string>(), BotHarness.Alice, BotHarness.Community);

    /// <summary>The fake clock, counting the timers made on it (the writer makes one for each interval it waits out).</summary>
    private sealed class TimerCountingTimeProvider(FakeTimeProvider inner) : TimeProvider
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return inner.CreateTimer(callback, state, dueTime, period);
        }
    }

    private sealed class NoBackgroundWork : IBackgroundWorkQueue
    {
        public bool TryEnqueue(string name, Func<CancellationToken, Task> work) => false;
    }

    private sealed class CapturedLogger<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
