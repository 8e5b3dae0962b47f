using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Tests.Fakes;

internal sealed class InMemoryUndeliverableNotices : IUndeliverableNotices
{
    private readonly Dictionary<LearnerId, UndeliverableNotice> _notices = [];
    private readonly Lock _gate = new();

    public Task SetAsync(UndeliverableNotice notice, CancellationToken cancellationToken = default)
    {
        lock (_gate) _notices[notice.Learner] = notice;
        return Task.CompletedTask;
    }

    public Task<UndeliverableNotice?> TryConsumeAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_notices.Remove(learner, out var notice) ? notice : null);
    }

    public UndeliverableNotice? Peek(Core.Identity.LearnerId learner)
    {
        lock (_gate) return _notices.GetValueOrDefault(learner);
    }

    public int Remove(Core.Identity.LearnerId learner)
    {
        lock (_gate) return _notices.Remove(learner) ? 1 : 0;
    }
}
