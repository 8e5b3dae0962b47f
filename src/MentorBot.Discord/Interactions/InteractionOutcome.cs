namespace MentorBot.Discord.Interactions;

/// <summary>
/// The initial response to an interaction (serialized callback JSON) and, when there is more to do once Discord has
/// it (the deferred answer, overflow messages), the work to run after it was delivered.
/// </summary>
public sealed record InteractionOutcome(byte[] Response, Func<Task>? AfterResponse = null);
