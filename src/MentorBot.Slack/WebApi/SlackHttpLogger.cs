using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.WebApi;

/// <summary>
/// Logs the Web API client's requests in place of IHttpClientFactory's default handlers, which log every full URL at
/// Information: a <c>response_url</c>'s path is its secret (whoever holds it can post into the conversation for 30
/// minutes). Web API methods (<c>…/api/chat.postMessage</c>) are logged by path; any other URL only by host. Queries
/// and headers (the bot token) are never logged.
/// </summary>
internal sealed partial class SlackHttpLogger(ILogger<SlackHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request)
    {
        LogStart(logger, new Redacted(request));
        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        LogStop(logger, new Redacted(request), response.StatusCode, elapsed);

    // The caller logs the failure with its own context; the exception's message and stack name no path.
    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        LogFailed(logger, exception, new Redacted(request), elapsed);

    /// <summary>Web API URLs without their query; any other URL (a <c>response_url</c>) as its host and <c>/…</c>.</summary>
    public static string Redact(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
            return "(relative URL)";
        var path = uri.AbsolutePath;
        return uri.GetLeftPart(UriPartial.Authority) + (path.StartsWith("/api/", StringComparison.Ordinal) ? path : "/…");
    }

    [LoggerMessage(EventId = 790, Level = LogLevel.Trace, Message = "HTTP {Request}")]
    private static partial void LogStart(ILogger logger, Redacted request);

    [LoggerMessage(EventId = 791, Level = LogLevel.Debug, Message = "HTTP {Request} answered {Status} after {Elapsed}")]
    private static partial void LogStop(ILogger logger, Redacted request, System.Net.HttpStatusCode status, TimeSpan elapsed);

    [LoggerMessage(EventId = 792, Level = LogLevel.Debug, Message = "HTTP {Request} failed after {Elapsed}")]
    private static partial void LogFailed(ILogger logger, Exception exception, Redacted request, TimeSpan elapsed);

    /// <summary>Method and redacted URL, formatted only when a log line is actually written.</summary>
    private readonly struct Redacted(HttpRequestMessage request)
    {
        public override string ToString() => request.Method.Method + " " + Redact(request.RequestUri);
    }
}
