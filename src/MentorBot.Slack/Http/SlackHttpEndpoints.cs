using System.Text;
using System.Text.Json;
using MentorBot.Core.Background;
using MentorBot.Slack.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

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
        var body = await ReadVerifiedAsync(context, verifier);
        if (body is null)
            return Results.Unauthorized();
        if (state.IsStopped)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        // Slack may probe the URL with ssl_check=1; it is acknowledged and nothing else.
        if (Field(form, "ssl_check") == "1")
            return Results.Ok();
        Uri.TryCreate(Field(form, "response_url"), UriKind.Absolute, out var responseUrl);
        var command = new SlashCommand(
            Field(form, "command") ?? "",
            Field(form, "text") ?? "",
            Field(form, "user_id") ?? "",
            Field(form, "user_name") ?? "",
            Field(form, "team_id") ?? "",
            Field(form, "channel_id") ?? "",
            responseUrl);
        var message = await processor.AnswerWithinBudgetAsync(command, context.RequestAborted);
        // An empty 200 is Slack's "acknowledged, the answer comes through response_url".
        return message is null ? Results.Ok() : Results.Bytes(message.ToResponseUtf8(), "application/json; charset=utf-8");
    }

    private static async Task<IResult> EventsAsync(HttpContext context, SlackSignatureVerifier verifier, SlackCommandProcessor processor, SlackAdapterState state, ILoggerFactory loggers)
    {
        var body = await ReadVerifiedAsync(context, verifier);
        if (body is null)
            return Results.Unauthorized();

        using var doc = ParseJson(body);
        if (doc is null)
            return Results.BadRequest();
        var root = doc.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "url_verification")
        {
            var challenge = root.TryGetProperty("challenge", out var c) ? c.GetString() ?? "" : "";
            return Results.Json(new Dictionary<string, string> { ["challenge"] = challenge });
        }

        if (type != "event_callback" || state.IsStopped)
            return Results.Ok();
        if (processor.TryAcceptEvent(root.Clone(), out var work))
            context.RequestServices.GetRequiredService<IBackgroundWorkQueue>().TryEnqueue("slack event", work);
        // Acknowledge at once: Slack retries anything not acknowledged within 3 seconds.
        return Results.Ok();
    }

    private static async Task<IResult> InteractionsAsync(HttpContext context, SlackSignatureVerifier verifier, SlackCommandProcessor processor, SlackAdapterState state, ILoggerFactory loggers)
    {
        var body = await ReadVerifiedAsync(context, verifier);
        if (body is null)
            return Results.Unauthorized();
        if (state.IsStopped)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var payload = Field(form, "payload");
        if (payload is null)
            return Results.BadRequest();
        using var doc = ParseJson(Encoding.UTF8.GetBytes(payload));
        if (doc is null)
            return Results.BadRequest();
        var element = doc.RootElement.Clone();
        context.RequestServices.GetRequiredService<IBackgroundWorkQueue>().TryEnqueue("slack interaction", ct => processor.HandleInteractionAsync(element, ct));
        return Results.Ok();
    }

    private static async Task<byte[]?> ReadVerifiedAsync(HttpContext context, SlackSignatureVerifier verifier)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
            return null;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBodyBytes)
            return null;
        var body = buffer.ToArray();
        var ok = verifier.Verify(
            request.Headers[SlackSignatureVerifier.TimestampHeader].ToString(),
            request.Headers[SlackSignatureVerifier.SignatureHeader].ToString(),
            body);
        if (!ok)
            LogRejected(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackHttpEndpoints)), request.Path);
        return ok ? body : null;
    }

    private static JsonDocument? ParseJson(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Field(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var value) ? value.ToString() : null;

    [LoggerMessage(EventId = 730, Level = LogLevel.Warning, Message = "Rejected a request to {Path}: missing, stale or wrong Slack signature")]
    private static partial void LogRejected(ILogger logger, PathString path);
}
