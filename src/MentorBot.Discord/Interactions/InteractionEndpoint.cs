using System.Buffers;
using System.Text.Json;
using MentorBot.Core.Background;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Discord.Interactions;

/// <summary><c>POST /discord/interactions</c>: verify, answer inline, then finish any deferred work.</summary>
public static partial class InteractionEndpoint
{
    public const string Path = "/discord/interactions";
    private const int MaxBody = 1 << 20;
    private const string JsonContentType = "application/json";

    /// <summary>How long an interaction id is remembered: its token, all a replay could use, lasts 15 minutes.</summary>
    public static readonly TimeSpan ReplayMemory = TimeSpan.FromMinutes(20);

    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var request = context.Request;
        var response = context.Response;

        // The body is read once into a pooled buffer; the signature check and the JSON parser both work on that copy.
        var (buffer, length) = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (buffer is null)
        {
            // Too big to be Discord's (and unverifiable without reading it all): say so rather than blame the signature.
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"request body larger than {MaxBody} bytes", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        Interaction? interaction;
        try
        {
            if (!services.GetRequiredService<SignatureVerifier>().Verify(
                    request.Headers["X-Signature-Timestamp"].ToString(), request.Headers["X-Signature-Ed25519"].ToString(), buffer.AsSpan(0, length)))
            {
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteractionEndpoint).FullName!);
                LogRejected(logger, context.Connection.RemoteIpAddress?.ToString());
                response.StatusCode = StatusCodes.Status401Unauthorized;
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("invalid request signature", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            interaction = Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (interaction is null || !PlatformIds.IsValid(interaction.Id) && interaction.Type != InteractionType.Ping)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Discord's signature carries no freshness check: a captured interaction verifies forever. Each id is acted on
        // once; PINGs change nothing and are always answered.
        if (interaction.Type != InteractionType.Ping
            && !await services.GetRequiredService<IReplayGuard>().TryRememberAsync(
                "discord:" + interaction.Id, services.GetRequiredService<TimeProvider>().GetUtcNow() + ReplayMemory, context.RequestAborted).ConfigureAwait(false))
        {
            LogReplay(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteractionEndpoint).FullName!), interaction.Id);
            response.StatusCode = StatusCodes.Status409Conflict;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("interaction already handled", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var outcome = await services.GetRequiredService<InteractionProcessor>().ProcessAsync(interaction).ConfigureAwait(false);
        if (outcome.AfterResponse is { } after)
        {
            // Follow-ups and edits need the initial response acknowledged first, i.e. this HTTP response finished.
            var background = services.GetRequiredService<IBackgroundWorkQueue>();
            response.OnCompleted(() =>
            {
                background.TryEnqueue("discord follow-up " + interaction.Id, _ => after());
                return Task.CompletedTask;
            });
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = outcome.Response.Length;
        await response.Body.WriteAsync(outcome.Response, context.RequestAborted).ConfigureAwait(false);
    }

    private static Interaction? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, DiscordJson.Default.Interaction);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body in a buffer rented from the shared pool (the caller returns it); null when it exceeds <see cref="MaxBody"/>.</summary>
    private static async Task<(byte[]? Buffer, int Length)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody)
            return (null, 0);
        // One byte more than announced, so the read that reports the end needs no bigger buffer.
        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 4096) + 1);
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > MaxBody)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0);
                }
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBody + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Rejected an interaction with a missing or invalid signature from {Remote}")]
    private static partial void LogRejected(ILogger logger, string? remote);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Refused interaction {InteractionId}: it was already handled (a replay)")]
    private static partial void LogReplay(ILogger logger, string interactionId);
}
