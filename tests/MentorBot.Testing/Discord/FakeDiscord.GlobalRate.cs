namespace MentorBot.Testing.Discord;

/// <summary>
/// What the bot's global request rate looked like from Discord's side, whoever sent the requests: the most requests
/// that counted towards the global limit (everything but interaction and webhook-token routes) and were accepted
/// within any one second, over all hosts. Kept whether or not <see cref="GlobalRateLimit"/> is enforced.
/// </summary>
public sealed partial class FakeDiscord
{
    private readonly Queue<long> _acceptedLastSecond = new();
    private int _peakGlobalPerSecond;
    private long _acceptedGlobal;

    /// <summary>Global-limited requests accepted so far, cheap to sample for a rate curve.</summary>
    public long AcceptedGlobalRequests => Interlocked.Read(ref _acceptedGlobal);

    /// <summary>The most global-limited requests accepted within any sliding one-second window.</summary>
    public int PeakGlobalRequestsPerSecond
    {
        get
        {
            lock (_limitGate)
                return _peakGlobalPerSecond;
        }
    }

    /// <summary>
    /// Starts measuring the peak afresh, e.g. after a warm-up. Requests of the last second still count, in the peak
    /// as in <see cref="GlobalRateLimit"/>: Discord does not forget them either, so pause a second first for a clean start.
    /// </summary>
    public void ResetGlobalPeak()
    {
        lock (_limitGate)
            _peakGlobalPerSecond = 0;
    }

    /// <summary>
    /// Under <c>_limitGate</c>: the accepted global-limited requests of the second before <paramref name="nowMs"/>, one
    /// window for both the limit (when enforced) and the peak.
    /// </summary>
    private Queue<long> AcceptedGlobalInLastSecond(long nowMs)
    {
        while (_acceptedLastSecond.Count > 0 && nowMs - _acceptedLastSecond.Peek() >= 1000)
            _acceptedLastSecond.Dequeue();
        return _acceptedLastSecond;
    }

    /// <summary>Called under <c>_limitGate</c> for each accepted request that counts towards the global limit.</summary>
    private void CountGlobalRequest(long nowMs)
    {
        AcceptedGlobalInLastSecond(nowMs).Enqueue(nowMs);
        Interlocked.Increment(ref _acceptedGlobal);
        _peakGlobalPerSecond = Math.Max(_peakGlobalPerSecond, _acceptedLastSecond.Count);
    }
}
