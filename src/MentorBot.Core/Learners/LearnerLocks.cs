using MentorBot.Core.Identity;

namespace MentorBot.Core.Learners;

/// <summary>
/// Serialises read-modify-write work per learner. A fixed set of striped semaphores keeps memory bounded; two
/// learners sharing a stripe only wait for each other briefly. Never take a stripe while holding one.
/// </summary>
public sealed class LearnerLocks : IDisposable
{
    private const int Stripes = 64;

    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(LearnerId learner, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(learner.ToString()) % Stripes)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
            stripe.Dispose();
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                stripe.Release();
        }
    }
}
