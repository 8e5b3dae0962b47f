using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Discord.Interactions;

/// <summary><c>POST /discord/interactions</c>: verify, answer inline, then finish any deferred work.</summary>
public static partial class InteractionEndpoint
{
    public const string Path = "/discord/interactions";
    private const int MaxBody = 1 << 20;

    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var verifier = services.GetRequiredService<SignatureVerifier>();

        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        if (body is null || !verifier.Verify(timestamp, signature, body))
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteractionEndpoint).FullName!);
            LogRejected(logger, context.Connection.RemoteIpAddress?.ToString());
            return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJson.Default.Interaction);
        }
        catch (JsonException)
        {
            interaction = null;
        }
        if (interaction is null)
            return Results.BadRequest();

        var outcome = await services.GetRequiredService<InteractionProcessor>().ProcessAsync(interaction).ConfigureAwait(false);
        if (outcome.AfterResponse is { } after)
        {
            // Follow-ups and edits need the initial response acknowledged first, i.e. this HTTP response finished.
            context.Response.OnCompleted(() =>
            {
                _ = Task.Run(after);
                return Task.CompletedTask;
            });
        }
        return Results.Bytes(outcome.Response, "application/json");
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBody)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Rejected an interaction with a missing or invalid signature from {Remote}")]
    private static partial void LogRejected(ILogger logger, string? remote);
}
