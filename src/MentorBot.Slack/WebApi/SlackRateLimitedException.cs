namespace MentorBot.Slack.WebApi;

/// <summary>Slack answered HTTP 429; the method is paused for <see cref="RetryAfter"/>.</summary>
public sealed class SlackRateLimitedException : SlackApiException
{
    public SlackRateLimitedException(string method, TimeSpan retryAfter)
        : base(method, "rate_limited")
    {
        RetryAfter = retryAfter;
    }

    public SlackRateLimitedException()
        : this("", TimeSpan.Zero)
    {
    }

    public SlackRateLimitedException(string message)
        : this(message, TimeSpan.Zero)
    {
    }

    public SlackRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan RetryAfter { get; }
}
