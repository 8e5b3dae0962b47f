namespace MentorBot.Testing.Slack;

/// <summary>A scripted answer for the next call of a method: an <c>ok:false</c> error, a 429, or a dropped connection (before or after the work).</summary>
public sealed record FakeSlackFailure(string Error, int Status = 200, int? RetryAfterSeconds = null, bool Abort = false, string? RawBody = null, bool AfterApplying = false)
{
    /// <summary>Slack does the work (a post is stored) but the connection drops before the answer: the caller cannot tell.</summary>
    public static FakeSlackFailure LostResponse() => new("", Abort: true, AfterApplying: true);

    /// <summary>What a captive portal or misconfigured proxy answers: HTTP 200 with a page that is not JSON.</summary>
    public static FakeSlackFailure HtmlPage() => new("", RawBody: "<html><body>Please log in to the Wi-Fi</body></html>");

    public static FakeSlackFailure RateLimited(int retryAfterSeconds) => new("ratelimited", 429, retryAfterSeconds);

    public static FakeSlackFailure NetworkDown() => new("", Abort: true);
}
