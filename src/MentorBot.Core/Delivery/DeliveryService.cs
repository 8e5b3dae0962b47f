using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Core.Delivery;

/// <summary>
/// Runs the <see cref="DeliveryEngine"/> at start (the catch-up after downtime) and then every
/// <see cref="DeliveryOptions.PollInterval"/> on the injected clock.
/// </summary>
public sealed partial class DeliveryService(
    DeliveryEngine engine,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryService>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    private PeriodicTimer? _timer;

    /// <summary>
    /// The timer starts with the service, before the first (possibly long) catch-up pass, so no tick that comes due
    /// meanwhile is lost, and it counts from the moment the host started the service.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer ??= new PeriodicTimer(options.Value.PollInterval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("The delivery service was not started through StartAsync.");
        // Let the host finish starting before the first (possibly long) catch-up pass.
        await Task.Yield();
        LogStarted(_logger, options.Value.PollInterval, options.Value.CatchUpWindow);
        try
        {
            await RunPassAsync(stoppingToken).ConfigureAwait(false);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                await RunPassAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: whatever was mid-send is still pending in the outbox and goes out after the restart.
        }
    }

    private async Task RunPassAsync(CancellationToken stoppingToken)
    {
        try
        {
            await engine.RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A storage hiccup must not stop deliveries for good; the next tick plans the same window again.
            LogPassFailed(_logger, ex);
        }
    }

    [LoggerMessage(EventId = 510, Level = LogLevel.Information, Message = "Weekly delivery running every {Interval}, catching up {Window}")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval, TimeSpan window);

    [LoggerMessage(EventId = 511, Level = LogLevel.Error, Message = "A delivery pass failed; retrying on the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
