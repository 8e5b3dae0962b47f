namespace MentorBot.Slack.Tests.Fakes;

/// <summary>Polls a condition on real time, for effects that happen after an acknowledgement.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, int timeoutMs = 10_000)
    {
        var until = Environment.TickCount64 + timeoutMs;
        while (Environment.TickCount64 < until)
        {
            if (condition())
                return true;
            await Task.Delay(20);
        }

        return condition();
    }
}
