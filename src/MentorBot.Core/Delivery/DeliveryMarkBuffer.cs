using Microsoft.Extensions.Logging;

namespace MentorBot.Core.Delivery;

/// <summary>
/// Group commit for one send pass: marks are collected and written in one transaction when <c>batchSize</c> have
/// gathered, when the oldest has waited <c>interval</c> (checked as marks arrive and before each send), and always at
/// the end of a claimed batch and of the pass, cancelled or not. A mark that is lost with the process leaves its record
/// pending and claimed until the lease ends; it is then sent again under the same key, which the platform absorbs
/// (see <see cref="IDeliveryOutbox"/>). Thread-safe: parallel sends add to one buffer.
/// </summary>
internal sealed partial class DeliveryMarkBuffer(
    IDeliveryOutbox outbox, string owner, int batchSize, TimeSpan interval, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private List<DeliveryMark> _marks = [];
    private long _oldestAt;

    /// <summary>Collects a mark, and writes the group if it is full or has waited long enough.</summary>
    public Task AddAsync(DeliveryMark mark, CancellationToken cancellationToken)
    {
        Add(mark);
        return FlushIfDueAsync(cancellationToken);
    }

    /// <summary>Collects a mark without writing; the next flush takes it.</summary>
    public void Add(DeliveryMark mark)
    {
        lock (_gate)
        {
            if (_marks.Count == 0)
                _oldestAt = time.GetTimestamp();
            _marks.Add(mark);
        }
    }

    public Task FlushIfDueAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_marks.Count == 0 || (_marks.Count < batchSize && time.GetElapsedTime(_oldestAt) < interval))
                return Task.CompletedTask;
        }
        return FlushAsync(cancellationToken);
    }

    /// <summary>Writes every collected mark in one transaction.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<DeliveryMark> taken;
            lock (_gate)
            {
                if (_marks.Count == 0)
                    return;
                taken = _marks;
                _marks = [];
            }

            IReadOnlySet<string> applied;
            try
            {
                applied = await outbox.MarkManyAsync(owner, taken, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Not written: keep them for the next flush (the pass's last flush runs even when it is cancelled).
                lock (_gate)
                {
                    taken.AddRange(_marks);
                    _marks = taken;
                    _oldestAt = time.GetTimestamp();
                }
                throw;
            }

            foreach (var mark in taken)
            {
                if (!applied.Contains(mark.Key))
                    LogMarkRefused(logger, mark.Key, mark.Kind, owner);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    [LoggerMessage(EventId = 507, Level = LogLevel.Warning, Message = "Delivery {Key}: the {Kind} mark was refused; this host ({Owner}) no longer holds its claim (another host took it over after the lease ran out)")]
    private static partial void LogMarkRefused(ILogger logger, string key, DeliveryMarkKind kind, string owner);
}
