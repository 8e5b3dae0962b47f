using System.Net;

namespace MentorBot.Discord.Rest;

/// <summary>A request Discord refused, with its JSON error code (0 when the body had none).</summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException(int code, string message, HttpStatusCode status, TimeSpan? retryAfter = null)
        : base($"Discord {(int)status} ({code}): {message}")
    {
        Code = code;
        Status = status;
        RetryAfter = retryAfter;
    }

    public DiscordApiException()
    {
    }

    public DiscordApiException(string message) : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public int Code { get; }

    public HttpStatusCode Status { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Worth trying again later: rate limited or a server-side failure.</summary>
    public bool IsTransient => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;
}
