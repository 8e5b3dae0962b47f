namespace MentorBot.Slack;

/// <summary>
/// What the adapter learned at start-up (the bot's own user id) and whether it was stopped because Slack refused
/// the credentials. Shared by the HTTP endpoints, Socket Mode and the messenger.
/// </summary>
public sealed class SlackAdapterState : IDisposable
{
    private readonly CancellationTokenSource _stopped = new();

    /// <summary>The bot's user id from <c>auth.test</c>, once known; used to strip its own mention.</summary>
    public string? BotUserId { get; set; }

    public bool IsStopped => _stopped.IsCancellationRequested;

    /// <summary>Cancelled when the adapter stops for good (rejected token, Socket Mode disabled).</summary>
    public CancellationToken Stopped => _stopped.Token;

    public void Stop() => _stopped.Cancel();

    public void Dispose() => _stopped.Dispose();
}
