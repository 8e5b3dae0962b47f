using System.Text.RegularExpressions;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace MentorBot.Discord.Rest;

/// <summary>
/// Logs the REST client's requests in place of IHttpClientFactory's default handlers, which log every full URL at
/// Information: interaction callbacks and webhook routes carry the interaction token in their path
/// (<c>/webhooks/{app}/{token}/…</c>), and whoever holds it can answer as the bot for 15 minutes. Here the token is
/// replaced by <c>{token}</c>, the query is dropped, and no header is ever logged.
/// </summary>
internal sealed partial class DiscordHttpLogger(ILogger<DiscordHttpLogger> logger) : IHttpClientLogger
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

    /// <summary>The URL without query and with every interaction or webhook token replaced by <c>{token}</c>.</summary>
    public static string Redact(Uri? uri)
    {
        if (uri is null)
            return "";
        if (!uri.IsAbsoluteUri)
            return Token().Replace(uri.OriginalString.Split('?')[0], "$1{token}");
        return uri.GetLeftPart(UriPartial.Authority) + Token().Replace(uri.AbsolutePath, "$1{token}");
    }

    [GeneratedRegex(@"(/(?:webhooks|interactions)/[^/?]+/)[^/?]+")]
    private static partial Regex Token();

    [LoggerMessage(EventId = 110, Level = LogLevel.Trace, Message = "HTTP {Request}")]
    private static partial void LogStart(ILogger logger, Redacted request);

    [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "HTTP {Request} answered {Status} after {Elapsed}")]
    private static partial void LogStop(ILogger logger, Redacted request, System.Net.HttpStatusCode status, TimeSpan elapsed);

    [LoggerMessage(EventId = 112, Level = LogLevel.Debug, Message = "HTTP {Request} failed after {Elapsed}")]
    private static partial void LogFailed(ILogger logger, Exception exception, Redacted request, TimeSpan elapsed);

    /// <summary>Method and redacted URL, formatted only when a log line is actually written.</summary>
    private readonly struct Redacted(HttpRequestMessage request)
    {
        public override string ToString() => request.Method.Method + " " + Redact(request.RequestUri);
    }
}
