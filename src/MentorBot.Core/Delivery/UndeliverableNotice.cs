using MentorBot.Core.Identity;

namespace MentorBot.Core.Delivery;

/// <summary>A learner the weekly message could not reach, to be told so the next time they run a command.</summary>
public sealed record UndeliverableNotice(LearnerId Learner, string Reason, DateTimeOffset At);
