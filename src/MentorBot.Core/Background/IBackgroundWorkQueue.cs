namespace MentorBot.Core.Background;

/// <summary>
/// Work that must outlive the request that started it (a deferred answer, a reply posted after the acknowledgement),
/// run by one owner with a bound on how much may wait and how much may run at once, and drained when the host stops.
/// </summary>
public interface IBackgroundWorkQueue
{
    /// <summary>
    /// Queues <paramref name="work"/> under <paramref name="name"/>, the words a log line uses for it. Returns false,
    /// and logs it, when the queue is full or the host has stopped: the work then never runs. The token passed to the
    /// work fires only when the host gives up waiting for it at shutdown.
    /// </summary>
    bool TryEnqueue(string name, Func<CancellationToken, Task> work);
}
