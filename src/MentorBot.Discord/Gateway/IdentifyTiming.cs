namespace MentorBot.Discord.Gateway;

public static class IdentifyTiming
{
    /// <summary>
    /// Discord's 5 seconds per bucket plus half a second, so the time between taking a turn and the Identify reaching
    /// Discord (a send, a scheduler hiccup) cannot bring two identifies of one bucket closer than 5 s.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5.5);
}
