using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Core.Subscriptions;

/// <summary>A learner's wish to receive the roadmap task every week at <see cref="Day"/> <see cref="Time"/> in <see cref="TimeZoneId"/>.</summary>
public sealed record Subscription(
    LearnerId Learner,
    CommunityId Community,
    DayOfWeek Day,
    TimeOnly Time,
    string TimeZoneId,
    DateOnly? PausedUntil,
    DateTimeOffset CreatedAt);
