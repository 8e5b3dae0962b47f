using MentorBot.Core.Health;

namespace MentorBot.Slack;

/// <summary>
/// What the adapter learned at start-up (the bot's own user id) and whether it was stopped because Slack refused
/// the credentials. Shared by the HTTP endpoints, Socket Mode and the messenger.
/// </summary>
public sealed class SlackAdapterState : IAdapterStatus, IDisposable
{
    private readonly CancellationTokenSource _stopped = new();
    private volatile bool _socketConnected;

    public string Name => "slack";

    /// <summary>True in Http mode (Slack calls in), in Socket Mode while a connection that said hello is open; never once stopped.</summary>
    public bool Connected => !IsStopped && (HttpMode || _socketConnected);

    /// <summary>Http mode has no connection of its own: the endpoints are reachable whenever the host is.</summary>
    public bool HttpMode { get; init; }

    /// <summary>Socket Mode reports whether it holds a connection that received <c>hello</c>.</summary>
    public void SetSocketConnected(bool connected) => _socketConnected = connected;

    /// <summary>The bot's user id from <c>auth.test</c>, once known; used to strip its own mention.</summary>
    public string? BotUserId { get; set; }

    public bool IsStopped => _stopped.IsCancellationRequested;

    /// <summary>Cancelled when the adapter stops for good (rejected token, Socket Mode disabled).</summary>
    public CancellationToken Stopped => _stopped.Token;

    public void Stop() => _stopped.Cancel();

    public void Dispose() => _stopped.Dispose();
}
