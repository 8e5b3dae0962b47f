namespace MentorBot.Slack.WebApi;

/// <summary>Slack answered <c>{"ok":false,"error":"…"}</c>; <see cref="Error"/> is Slack's error code.</summary>
public class SlackApiException : Exception
{
    public SlackApiException(string method, string error)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
    }

    public SlackApiException()
        : this("", "")
    {
    }

    public SlackApiException(string message)
        : this("", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "";
        Error = message;
    }

    public string Method { get; }

    public string Error { get; }

    /// <summary>Errors that mean the token itself was refused; retrying cannot help.</summary>
    public bool IsAuthFailure => Error is "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked" or "token_expired";
}
