using System.Globalization;
using System.Text;
using MentorBot.Core.Background;
using MentorBot.Core.Storage;
using MentorBot.Slack.Commands;
using MentorBot.Slack.Payloads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MentorBot.Core.Challenges;

namespace MentorBot.Slack.Http;

/// <summary>
/// Slack's HTTP mode: slash commands, Events API callbacks and interactivity. Every request is signature-checked
/// against its raw bytes before anything in it is read; a failure is a bare 401.
/// </summary>
internal static partial class SlackHttpEndpoints
{
    // Slack's own payloads are a few kilobytes; refusing more keeps an unauthenticated caller from making us buffer megabytes.
    private const int MaxBodyBytes = 1 << 20;

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/slack/commands", CommandsAsync);
        endpoints.MapPost("/slack/events", EventsAsync);
        endpoints.MapPost("/slack/interactions", InteractionsAsync);
        return endpoints;
    }

    private static async Task<IResult> CommandsAsync(HttpContext context, SlackSignatureVerifier verifier, SlackCommandProcessor processor, SlackAdapterState state)
    {
        var (body, refusal) = await ReadVerifiedAsync(context, verifier).ConfigureAwait(false);
        if (body is null)
            return refusal!;
        if (state.IsStopped)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

        // Invalid UTF-8 becomes U+FFFD here, which no id accepts: such a command is refused as unreadable.
        var payload = SlashCommandPayload.FromForm(QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)));
        // Slack may probe the URL with ssl_check=1; it is acknowledged and nothing else.
        if (payload.SslCheck == "1")
            return Results.Ok();
        var message = await processor.AnswerWithinBudgetAsync(payload.ToCommand(), context.RequestAborted).ConfigureAwait(false);
        // An empty 200 is Slack's "acknowledged, the answer comes through response_url".
        return message is null ? Results.Ok() : Results.Bytes(message.ToResponseUtf8(), "application/json; charset=utf-8");
    }

    private static async Task<IResult> EventsAsync(HttpContext context, SlackSignatureVerifier verifier, SlackCommandProcessor processor, SlackAdapterState state, ILoggerFactory loggers)
    {
        var (body, refusal) = await ReadVerifiedAsync(context, verifier).ConfigureAwait(false);
        if (body is null)
            return refusal!;

        var callback = SlackPayloads.TryRead(body, SlackJson.Default.EventCallback);
        if (callback is null)
            return NotReadable("a JSON object whose strings are valid text");
        if (callback.Type is not { } type)
            return NotReadable("a string \"type\"");
        if (type == "url_verification")
        {
            if (callback.Challenge is not { } challenge)
                return NotReadable("a string \"challenge\"");
            return Results.Json(new Dictionary<string, string> { ["challenge"] = challenge });
        }

        if (type != "event_callback" || state.IsStopped)
            return Results.Ok();
        if (processor.TryAcceptEvent(callback, out var work))
            context.RequestServices.GetRequiredService<IBackgroundWorkQueue>().TryEnqueue("slack event", work);
        // Acknowledge at once: Slack retries anything not acknowledged within 3 seconds.
        return Results.Ok();
    }

    private static async Task<IResult> InteractionsAsync(HttpContext context, SlackSignatureVerifier verifier, SlackCommandProcessor processor, SlackAdapterState state, ILoggerFactory loggers)
    {
        var (body, refusal) = await ReadVerifiedAsync(context, verifier).ConfigureAwait(false);
        if (body is null)
            return refusal!;
        if (state.IsStopped)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var field))
            return NotReadable("a \"payload\" field");
        var payload = SlackPayloads.TryRead(Encoding.UTF8.GetBytes(field.ToString()), SlackJson.Default.InteractionPayload);
        if (payload is null)
            return NotReadable("a payload that is a JSON object whose strings are valid text");
        context.RequestServices.GetRequiredService<IBackgroundWorkQueue>().TryEnqueue("slack interaction", ct => processor.HandleInteractionAsync(payload, ct));
        return Results.Ok();
    }

    /// <summary>The verified body, or null and the response that refuses the request.</summary>
    private static async Task<(byte[]? Body, IResult? Refusal)> ReadVerifiedAsync(HttpContext context, SlackSignatureVerifier verifier)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
            return (null, TooLarge());
        var body = await ReadAtMostAsync(request.Body, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
            return (null, TooLarge());
        var timestamp = request.Headers[SlackSignatureVerifier.TimestampHeader].ToString();
        var signature = request.Headers[SlackSignatureVerifier.SignatureHeader].ToString();
        var ok = verifier.Verify(timestamp, signature, body);
        if (!ok)
        {
            LogRejected(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackHttpEndpoints)), request.Path);
            return (null, Results.Unauthorized());
        }

        // The signature only proves the request is recent, so one captured request could be sent again and again
        // within the window; each signature is accepted once. Slack signs every delivery, retries included, afresh.
        var validUntil = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, CultureInfo.InvariantCulture)) + SlackSignatureVerifier.MaxClockSkew + TimeSpan.FromSeconds(1);
        var guard = context.RequestServices.GetRequiredService<IReplayGuard>();
        if (!await guard.TryRememberAsync("slack:" + signature, validUntil, context.RequestAborted).ConfigureAwait(false))
        {
            LogReplay(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackHttpEndpoints)), request.Path);
            // 2xx, so Slack itself would never retry it; nothing is done a second time.
            return (null, Results.Ok());
        }
        return (body, null);
    }

    /// <summary>The whole stream, or null as soon as it proves longer than <paramref name="limit"/> (the rest is not read).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge() =>
        Results.Text($"Request body larger than {MaxBodyBytes} bytes.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status413PayloadTooLarge);

    // Signed by Slack yet unreadable: a 400 with the reason, and nothing is processed.
    private static IResult NotReadable(string expected) =>
        Results.Text("Bad request: expected " + expected + ".", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    [LoggerMessage(EventId = 730, Level = LogLevel.Warning, Message = "Rejected a request to {Path}: missing, stale or wrong Slack signature")]
    private static partial void LogRejected(ILogger logger, PathString path);

    [LoggerMessage(EventId = 731, Level = LogLevel.Warning, Message = "Ignored a replayed request to {Path}: its signature was already accepted")]
    private static partial void LogReplay(ILogger logger, PathString path);
}
