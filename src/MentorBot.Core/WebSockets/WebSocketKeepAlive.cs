namespace MentorBot.Core.WebSockets;

/// <summary>Protocol-level pings: a ping every <see cref="Interval"/>, the link counts as dead without a pong within <see cref="Timeout"/>.</summary>
public sealed record WebSocketKeepAlive(TimeSpan Interval, TimeSpan Timeout);
