using Microsoft.Extensions.Logging;

namespace MentorBot.Slack;

/// <summary>Runs work after Slack has been acknowledged, so a failure is logged instead of lost unobserved.</summary>
internal static partial class Background
{
    public static void Run(Func<CancellationToken, Task> work, ILogger logger) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await work(CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
            }
        });

    [LoggerMessage(EventId = 740, Level = LogLevel.Error, Message = "Slack background work failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
