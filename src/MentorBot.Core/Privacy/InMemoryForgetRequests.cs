using System.Collections.Concurrent;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Privacy;

/// <summary><see cref="IForgetRequests"/> for one host (LiteDB mode, which one host owns).</summary>
public sealed class InMemoryForgetRequests : IForgetRequests
{
    private readonly ConcurrentDictionary<LearnerId, DateTimeOffset> _pending = new();

    public Task OpenAsync(LearnerId learner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        foreach (var (id, ends) in _pending)
        {
            if (ends <= now)
                _pending.TryRemove(new KeyValuePair<LearnerId, DateTimeOffset>(id, ends));
        }
        _pending[learner] = until;
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> TakeAsync(LearnerId learner, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pending.TryRemove(learner, out var until) ? until : (DateTimeOffset?)null);
}
