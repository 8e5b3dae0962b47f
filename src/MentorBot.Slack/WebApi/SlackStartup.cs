using MentorBot.Core.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.WebApi;

/// <summary>
/// Checks the bot token with <c>auth.test</c> and learns the bot's user id. Network trouble is retried with backoff
/// while the rest of the adapter keeps serving; a refused token stops the adapter with a line naming the key.
/// </summary>
internal sealed partial class SlackStartup(SlackApiClient api, SlackAdapterState state, TimeProvider time, ILogger<SlackStartup> logger) : BackgroundService
{
    // 1 s, 2 s, 4 s, … up to 2 min: one check per process, so there is no fleet to spread with jitter.
    internal static readonly Backoff Retry = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var failures = 1; !stoppingToken.IsCancellationRequested; failures++)
        {
            TimeSpan delay;
            try
            {
                var auth = await api.AuthTestAsync(stoppingToken).ConfigureAwait(false);
                state.BotUserId = auth.UserId;
                LogConnected(logger, auth.UserId, auth.TeamId);
                return;
            }
            catch (SlackApiException ex) when (ex.IsAuthFailure)
            {
                LogRejected(logger, ex.Error);
                state.Stop();
                return;
            }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                // A rate limit's Retry-After wins over the backoff when longer.
                delay = Retry.Delay(failures, serverAsked: (ex as SlackRateLimitedException)?.RetryAfter);
                LogUnreachable(logger, ex, ex.Message, delay.TotalSeconds);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 750, Level = LogLevel.Information, Message = "Slack bot token accepted: bot user {BotUserId} in workspace {TeamId}")]
    private static partial void LogConnected(ILogger logger, string botUserId, string teamId);

    [LoggerMessage(EventId = 751, Level = LogLevel.Critical, Message = "Slack refused the bot token ({Error}); the Slack adapter is stopped. Check Slack:BotToken (the xoxb- bot user OAuth token).")]
    private static partial void LogRejected(ILogger logger, string error);

    [LoggerMessage(EventId = 752, Level = LogLevel.Warning, Message = "Cannot reach Slack ({Reason}); still serving, retrying auth.test in {Seconds} s")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string reason, double seconds);
}
