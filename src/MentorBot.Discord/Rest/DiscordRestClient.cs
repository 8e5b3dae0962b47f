using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MentorBot.Core.Commands;
using MentorBot.Core.Resilience;
using MentorBot.Discord.Commands;
using MentorBot.Discord.Gateway;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord.Rest;

/// <summary>
/// Discord's REST API v10 over one <see cref="HttpClient"/>: authentication, the required User-Agent, rate limits
/// (waiting rather than failing), bounded retries of 429 and 5xx, and JSON errors as <see cref="DiscordApiException"/>.
/// </summary>
public sealed partial class DiscordRestClient
{
    public const string UserAgent = "DiscordBot (https://github.com/mentorbot/mentorbot, 1.0)";
    private const int MaxAttempts = 5;
    // Network errors and 5xx: 400 ms, 800 ms, … up to 12.8 s, each spread ±50% so a fleet's retries do not align.
    // 429s wait what Discord says instead (retry_after, through the rate limiter).
    internal static readonly Backoff Retry = new(TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(12_800), BackoffJitter.Spread);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly RateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly ISharedGlobalRateLimit? _sharedGlobal;
    private readonly IJitterSource _jitter;

    /// <param name="sharedGlobal">The global limit shared with the bot's other hosts, when there are any.</param>
    /// <param name="jitter">Spreads retry delays; random unless a test pins it.</param>
    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, RateLimiter limiter, TimeProvider time, ILogger<DiscordRestClient> logger, ISharedGlobalRateLimit? sharedGlobal = null, IJitterSource? jitter = null)
    {
        _jitter = jitter ?? RandomJitter.Instance;
        _http = http;
        _options = options.Value;
        _limiter = limiter;
        _time = time;
        _logger = logger;
        _sharedGlobal = sharedGlobal;
    }

    public Task<GatewayBotInfo?> GetGatewayBotAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Get, "/gateway/bot", null, DiscordJson.Default.GatewayBotInfo, ct);

    public Task<List<ApplicationCommand>?> GetCommandsAsync(string? guildId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, CommandsPath(guildId), null, DiscordJson.Default.ListApplicationCommand, ct);

    public Task<List<ApplicationCommand>?> OverwriteCommandsAsync(string? guildId, List<ApplicationCommand> commands, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, CommandsPath(guildId), Serialize(commands, DiscordJson.Default.ListApplicationCommand), DiscordJson.Default.ListApplicationCommand, ct);

    public Task<DiscordChannel?> CreateDmAsync(string userId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/users/@me/channels", Serialize(new DmChannelRequest(userId), DiscordJson.Default.DmChannelRequest), DiscordJson.Default.DiscordChannel, ct);

    public Task CreateMessageAsync(string channelId, MessagePayload message, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"/channels/{channelId}/messages", Serialize(message, DiscordJson.Default.MessagePayload), null, ct);

    /// <summary>Answers a Gateway-received interaction; the body is an already-serialized callback object.</summary>
    public Task InteractionCallbackAsync(string interactionId, string token, byte[] response, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"/interactions/{interactionId}/{token}/callback", response, null, ct);

    public Task EditOriginalAsync(string token, MessagePayload message, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Patch, $"/webhooks/{_options.ApplicationId}/{token}/messages/@original", Serialize(message, DiscordJson.Default.MessagePayload), null, ct);

    /// <summary>
    /// Edits <c>@original</c> to <paramref name="message"/> with <paramref name="file"/> uploaded as <c>files[0]</c>
    /// (multipart/form-data, the message as <c>payload_json</c>); an ephemeral deferral stays ephemeral.
    /// </summary>
    public Task EditOriginalWithFileAsync(string token, MessagePayload message, ReplyAttachment file, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Patch, $"/webhooks/{_options.ApplicationId}/{token}/messages/@original", WithFile(message, file), null, ct, file);

    /// <summary>A follow-up carrying <paramref name="file"/> as <c>files[0]</c>; <c>flags: 64</c> in the message keeps it ephemeral.</summary>
    public Task CreateFollowupWithFileAsync(string token, MessagePayload message, ReplyAttachment file, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"/webhooks/{_options.ApplicationId}/{token}", WithFile(message, file), null, ct, file);

    private static byte[] WithFile(MessagePayload message, ReplyAttachment file) =>
        Serialize(message with { Attachments = [new MessageAttachment(0, file.FileName)] }, DiscordJson.Default.MessagePayload);

    public Task DeleteOriginalAsync(string token, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Delete, $"/webhooks/{_options.ApplicationId}/{token}/messages/@original", null, null, ct);

    public Task CreateFollowupAsync(string token, MessagePayload message, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"/webhooks/{_options.ApplicationId}/{token}", Serialize(message, DiscordJson.Default.MessagePayload), null, ct);

    /// <summary>
    /// Discord reads JSON, not HTML, so text is escaped only where JSON requires it: the default encoder's \uXXXX for
    /// every non-ASCII letter, apostrophe and '+' made answer text up to six times longer on the wire and was most of
    /// the cost of writing a response. Buffer and writer are reused per thread (serialization never re-enters).
    /// </summary>
    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> info)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        try
        {
            JsonSerializer.Serialize(writer, value, info);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity > MaxKeptBuffer)
            {
                t_buffer = null;
                t_writer = null;
            }
            else
            {
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
            }
        }
    }

    private const int MaxKeptBuffer = 64 * 1024;
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private string CommandsPath(string? guildId) => string.IsNullOrWhiteSpace(guildId)
        ? $"/applications/{_options.ApplicationId}/commands"
        : $"/applications/{_options.ApplicationId}/guilds/{guildId}/commands";

    /// <param name="file">With a file, <paramref name="body"/> goes as the <c>payload_json</c> part of a multipart body.</param>
    private async Task<T?> SendAsync<T>(HttpMethod method, string path, byte[]? body, JsonTypeInfo<T>? responseInfo, CancellationToken ct, ReplyAttachment? file = null)
    {
        var routeKey = RouteKey.For(method, path);
        var major = RouteKey.MajorParameter(path);
        var exempt = RouteKey.IsGlobalExempt(path);
        for (var attempt = 1; ; attempt++)
        {
            if (_limiter.InvalidBudgetExhausted())
                throw new DiscordApiException(0, "Too many invalid requests recently; holding off to avoid a ban.", HttpStatusCode.TooManyRequests, TimeSpan.FromMinutes(1));
            TimeSpan wait;
            while ((wait = _limiter.Reserve(routeKey, major, exempt)) > TimeSpan.Zero)
            {
                LogWaiting(_logger, routeKey, wait.TotalMilliseconds);
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            }
            // Last, right before sending: a shared permit is a moment in the bot's common schedule, best not spent late.
            if (!exempt && _sharedGlobal is not null)
                await _sharedGlobal.WaitAsync(ct).ConfigureAwait(false);

            using var request = new HttpRequestMessage(method, _options.ApiBaseUrl.TrimEnd('/') + path);
            request.Headers.UserAgent.ParseAdd(UserAgent);
            // Interaction and webhook-token routes authenticate by the token in the path; Http mode may have no bot token.
            if (!string.IsNullOrWhiteSpace(_options.BotToken) && !exempt)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.BotToken);
            if (file is not null)
                request.Content = Multipart(body ?? [], file);
            else if (body is not null)
                request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (attempt < MaxAttempts && !ct.IsCancellationRequested)
            {
                LogRetrying(_logger, ex, routeKey, ex.Message, attempt);
                await Task.Delay(Retry.Delay(attempt, _jitter), _time, ct).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                _limiter.Observe(routeKey, major, status, response.Headers);
                var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    if (responseInfo is null || bytes.Length == 0)
                        return default;
                    return JsonSerializer.Deserialize(bytes, responseInfo);
                }

                var error = ParseError(bytes);
                if (status == 429)
                {
                    var retryAfter = RetryAfter(error, response.Headers);
                    var global = error?.Global == true || response.Headers.Contains("X-RateLimit-Global");
                    _limiter.Limited(routeKey, major, retryAfter, global);
                    LogRateLimited(_logger, routeKey, retryAfter.TotalMilliseconds, global);
                    if (attempt < MaxAttempts)
                        continue;
                    throw new DiscordApiException(error?.Code ?? 0, error?.Message ?? "rate limited", response.StatusCode, retryAfter);
                }
                if (status >= 500 && attempt < 3)
                {
                    LogRetrying(_logger, null, routeKey, status.ToString(CultureInfo.InvariantCulture), attempt);
                    await Task.Delay(Retry.Delay(attempt, _jitter), _time, ct).ConfigureAwait(false);
                    continue;
                }
                throw new DiscordApiException(error?.Code ?? 0, error?.Message ?? response.ReasonPhrase ?? "error", response.StatusCode);
            }
        }
    }

    // Built afresh for every attempt: an HttpContent is spent once sent.
    private static MultipartFormDataContent Multipart(byte[] payload, ReplyAttachment file)
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(payload) { Headers = { ContentType = Json } }, "payload_json");
        var bytes = new ByteArrayContent(file.Content);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(file.MediaType);
        content.Add(bytes, "files[0]", file.FileName);
        return content;
    }

    private static DiscordError? ParseError(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, DiscordJson.Default.DiscordError);
        }
        catch (JsonException)
        {
            // Cloudflare and proxies answer with HTML; the status code still tells the story.
            return null;
        }
    }

    private static TimeSpan RetryAfter(DiscordError? error, HttpResponseHeaders headers)
    {
        if (error?.RetryAfter is { } seconds and >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (headers.RetryAfter?.Delta is { } delta)
            return delta;
        return TimeSpan.FromSeconds(1);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Waiting {Milliseconds} ms for the rate limit of {Route}")]
    private static partial void LogWaiting(ILogger logger, string route, double milliseconds);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Discord rate limited {Route} for {Milliseconds} ms (global: {Global})")]
    private static partial void LogRateLimited(ILogger logger, string route, double milliseconds, bool global);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Discord request {Route} failed ({Reason}); retry after attempt {Attempt}")]
    private static partial void LogRetrying(ILogger logger, Exception? exception, string route, string reason, int attempt);
}
