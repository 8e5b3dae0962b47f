namespace MentorBot.Testing;

/// <summary>Polls a condition on real time; the fakes run on real sockets, so there is nothing to advance.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutMs = 10000)
    {
        var started = Environment.TickCount64;
        while (!condition())
        {
            if (Environment.TickCount64 - started > timeoutMs)
                throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }
}
