using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Dashboard.Hosting;

/// <summary>The one log line a host without a dashboard writes at start, naming the key that turns it on.</summary>
internal sealed partial class DashboardOffNotice(ILogger<DashboardOffNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogOff(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1500, Level = LogLevel.Information,
        Message = "The web dashboard is off: set Dashboard:PublicBaseUrl (e.g. https://bot.example.org) to turn it on.")]
    private static partial void LogOff(ILogger logger);
}
