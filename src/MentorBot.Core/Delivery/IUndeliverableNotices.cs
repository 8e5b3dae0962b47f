using MentorBot.Core.Identity;

namespace MentorBot.Core.Delivery;

/// <summary>One pending notice per learner: set when a delivery fails for good, consumed when the learner is told.</summary>
public interface IUndeliverableNotices
{
    /// <summary>Sets or replaces the learner's notice.</summary>
    Task SetAsync(UndeliverableNotice notice, CancellationToken cancellationToken = default);

    /// <summary>Removes and returns the learner's notice; null if there is none, so each notice is shown once.</summary>
    Task<UndeliverableNotice?> TryConsumeAsync(LearnerId learner, CancellationToken cancellationToken = default);
}
