namespace MentorBot.Core.Delivery;

/// <summary>
/// What a weekly message says: the week's task, the same task again as a friendly nudge, or the one-time
/// congratulation for finishing the roadmap.
/// </summary>
public enum DeliveryKind
{
    Task,
    Nudge,
    Congratulation,
}
