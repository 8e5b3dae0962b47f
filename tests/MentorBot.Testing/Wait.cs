using System.Runtime.CompilerServices;

namespace MentorBot.Testing;

/// <summary>
/// The one polling helper of the tests, for effects that a real socket, process or thread produces later (there is no
/// clock to advance). It throws rather than returning false, so a test cannot forget to assert the result, and the
/// exception names what was awaited: the caller's description, or else the condition's source text.
/// </summary>
public static class Wait
{
    public static async Task UntilAsync(
        Func<bool> condition,
        string? what = null,
        int timeoutMs = 10_000,
        [CallerArgumentExpression(nameof(condition))] string conditionText = "")
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Environment.TickCount64;
        while (!condition())
        {
            if (Environment.TickCount64 - started > timeoutMs)
                throw new TimeoutException($"Timed out after {timeoutMs} ms waiting for {what ?? conditionText}");
            await Task.Delay(20);
        }
    }

    /// <summary>The same for a condition that must itself be awaited, e.g. an HTTP probe.</summary>
    public static async Task UntilAsync(
        Func<Task<bool>> condition,
        string? what = null,
        int timeoutMs = 10_000,
        [CallerArgumentExpression(nameof(condition))] string conditionText = "")
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Environment.TickCount64;
        while (!await condition())
        {
            if (Environment.TickCount64 - started > timeoutMs)
                throw new TimeoutException($"Timed out after {timeoutMs} ms waiting for {what ?? conditionText}");
            await Task.Delay(20);
        }
    }
}
