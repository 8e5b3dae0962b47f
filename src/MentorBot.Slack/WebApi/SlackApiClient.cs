using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MentorBot.Slack.Rendering;
using MentorBot.Slack.WebApi.Responses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Slack.WebApi;

/// <summary>
/// The few Slack Web API methods the bot uses, over plain HttpClient: bearer token, JSON bodies, <c>ok:false</c> as
/// <see cref="SlackApiException"/>, HTTP 429 as <see cref="SlackRateLimitedException"/> after pausing the method.
/// </summary>
public sealed partial class SlackApiClient
{
    public const string HttpClientName = "slack";

    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly IHttpClientFactory _httpFactory;
    private readonly SlackOptions _options;
    private readonly SlackRatePacer _pacer;
    private readonly ILogger<SlackApiClient> _logger;

    public SlackApiClient(IHttpClientFactory httpFactory, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackApiClient> logger)
    {
        _httpFactory = httpFactory;
        _options = options.Value;
        _pacer = new SlackRatePacer(time);
        _logger = logger;
    }

    public async Task<SlackAuthInfo> AuthTestAsync(CancellationToken cancellationToken)
    {
        var answer = await CallAsync(HttpMethod.Post, "auth.test", new JsonObject(), _options.BotToken, SlackJson.Default.AuthTestResponse, cancellationToken).ConfigureAwait(false);
        return new SlackAuthInfo(answer.UserId ?? "", answer.TeamId ?? "", answer.BotId);
    }

    /// <summary>Posts a message and returns its <c>ts</c>.</summary>
    public Task<string?> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken) =>
        PostMessageAsync(channel, message, threadTs, null, cancellationToken);

    /// <summary>Posts a message tagged with <paramref name="deliveryKey"/> in its metadata (see <see cref="SlackDeliveryMetadata"/>) and returns its <c>ts</c>.</summary>
    public async Task<string?> PostMessageAsync(string channel, SlackMessage message, string? threadTs, string? deliveryKey, CancellationToken cancellationToken)
    {
        var body = message.ToPostMessageJson(channel);
        if (threadTs is not null)
            body["thread_ts"] = threadTs;
        if (deliveryKey is not null)
            body["metadata"] = SlackDeliveryMetadata.For(deliveryKey);
        var answer = await CallAsync(
            HttpMethod.Post, "chat.postMessage", body, _options.BotToken, SlackJson.Default.PostMessageResponse, cancellationToken,
            ("chat.postMessage " + channel, SlackMethodTier.PostMessagePerChannel)).ConfigureAwait(false);
        return answer.Ts;
    }

    /// <summary>
    /// One page (up to 100 messages, newest first) of a conversation's history since <paramref name="oldest"/>, reduced
    /// to the delivery keys the bot's own posts carry in their metadata. Needs <c>im:history</c> for DMs.
    /// </summary>
    public async Task<SlackHistoryPage> GetDeliveryKeysAsync(string channel, DateTimeOffset oldest, string? cursor, CancellationToken cancellationToken)
    {
        var query = new StringBuilder("conversations.history?channel=").Append(Uri.EscapeDataString(channel))
            .Append("&limit=100&include_all_metadata=true&oldest=")
            .Append((oldest.ToUnixTimeMilliseconds() / 1000.0).ToString("F6", CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(cursor))
            query.Append("&cursor=").Append(Uri.EscapeDataString(cursor));
        // conversations.history is a GET method (Tier 3); its arguments travel in the query string.
        var answer = await CallAsync(HttpMethod.Get, query.ToString(), null, _options.BotToken, SlackJson.Default.ConversationsHistoryResponse, cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        foreach (var message in answer.Messages)
        {
            if (message.Metadata is { EventType: SlackDeliveryMetadata.EventType, EventPayload.DeliveryKey: { } key })
                keys.Add(key);
        }

        var next = NonEmpty(answer.ResponseMetadata?.NextCursor);
        return new SlackHistoryPage(keys, answer.HasMore ? next : null);
    }

    /// <summary>Opens (or finds) the 1:1 DM with a user and returns its channel id.</summary>
    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(
            HttpMethod.Post, "conversations.open", new JsonObject { ["users"] = userId }, _options.BotToken, SlackJson.Default.ConversationsOpenResponse, cancellationToken).ConfigureAwait(false);
        return answer.Channel?.Id ?? throw new SlackApiException("conversations.open", "missing_channel_in_response");
    }

    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        // users.info is a GET method; its arguments travel in the query string.
        var answer = await CallAsync(
            HttpMethod.Get, "users.info?user=" + Uri.EscapeDataString(userId), null, _options.BotToken, SlackJson.Default.UsersInfoResponse, cancellationToken).ConfigureAwait(false);
        var user = answer.User ?? throw new SlackApiException("users.info", "missing_user_in_response");
        var display = NonEmpty(user.Profile?.DisplayName) ?? NonEmpty(user.Profile?.RealName);
        return new SlackUser(
            user.Id ?? userId,
            user.Name ?? userId,
            display,
            NonEmpty(user.Tz),
            user.IsAdmin,
            user.IsOwner || user.IsPrimaryOwner,
            user.IsBot);
    }

    /// <summary>Asks for a one-time Socket Mode WebSocket URL with the app-level token.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var answer = await CallAsync(HttpMethod.Post, "apps.connections.open", new JsonObject(), _options.AppToken, SlackJson.Default.ConnectionsOpenResponse, cancellationToken).ConfigureAwait(false);
        return answer.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new SlackApiException("apps.connections.open", "missing_url_in_response");
    }

    /// <summary>
    /// Uploads a file and shares it in <paramref name="channel"/> with Slack's upload flow: <c>files.getUploadURLExternal</c>
    /// (name and length), the bytes POSTed to the URL it returns, then <c>files.completeUploadExternal</c> with the
    /// channel. Arguments go form-encoded, the one body every version of these methods' documentation accepts.
    /// </summary>
    public async Task UploadFileAsync(string channel, MentorBot.Core.Commands.ReplyAttachment file, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var target = await CallAsync(HttpMethod.Post, "files.getUploadURLExternal", null, _options.BotToken, SlackJson.Default.UploadUrlResponse, cancellationToken,
            form: new Dictionary<string, string>
            {
                ["filename"] = file.FileName,
                ["length"] = file.Content.Length.ToString(CultureInfo.InvariantCulture),
            }).ConfigureAwait(false);
        if (target.FileId is not { Length: > 0 } fileId || !Uri.TryCreate(target.UploadUrl, UriKind.Absolute, out var uploadUrl))
            throw new SlackApiException("files.getUploadURLExternal", "missing_upload_url_in_response");

        // The upload URL carries its own authorisation; the bytes go as a multipart part named "filename", as Slack shows.
        using (var content = new MultipartFormDataContent())
        {
            var bytes = new ByteArrayContent(file.Content);
            bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(file.MediaType);
            content.Add(bytes, "filename", file.FileName);
            var http = _httpFactory.CreateClient(HttpClientName);
            using var response = await http.PostAsync(uploadUrl, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"Slack's file upload answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var complete = new Dictionary<string, string>
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = file.FileName }).ToJsonString(),
            ["channel_id"] = channel,
        };
        if (!string.IsNullOrEmpty(comment))
            complete["initial_comment"] = comment;
        await CallAsync(HttpMethod.Post, "files.completeUploadExternal", null, _options.BotToken, SlackJson.Default.SlackApiResponse, cancellationToken, form: complete)
            .ConfigureAwait(false);
    }

    /// <summary>Posts a reply to a slash command's or a click's <c>response_url</c>; it needs no token.</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = message.ToResponseJson();
        body["replace_original"] = false;
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = JsonUtf8;
        var http = _httpFactory.CreateClient(HttpClientName);
        using var response = await http.PostAsync(responseUrl, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            LogResponseUrlFailed(_logger, (int)response.StatusCode);
    }

    /// <param name="pace">The bucket to pace by when Slack limits finer than per method (chat.postMessage: per channel).</param>
    /// <exception cref="JsonException">The answer is not a JSON object of the method's shape (a proxy's HTML page, say).</exception>
    private async Task<T> CallAsync<T>(
        HttpMethod httpMethod, string methodAndQuery, JsonObject? body, string token, JsonTypeInfo<T> answerType, CancellationToken cancellationToken,
        (string Key, SlackRate Rate)? pace = null, IReadOnlyDictionary<string, string>? form = null)
        where T : SlackApiResponse
    {
        var method = methodAndQuery.Split('?')[0];
        var (paceKey, rate) = pace ?? (method, SlackMethodTier.ForMethod(method));
        await _pacer.WaitAsync(paceKey, rate, cancellationToken).ConfigureAwait(false);

        using var request = new HttpRequestMessage(httpMethod, new Uri(BaseUrl(), methodAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (form is not null)
            request.Content = new FormUrlEncodedContent(form);
        else if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = JsonUtf8;
        }

        var http = _httpFactory.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = RetryAfter(response);
            _pacer.Pause(paceKey, rate, retryAfter);
            LogRateLimited(_logger, method, retryAfter.TotalSeconds);
            throw new SlackRateLimitedException(method, retryAfter);
        }

        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Slack {method} answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var streamDisposal = stream.ConfigureAwait(false);
        var answer = await JsonSerializer.DeserializeAsync(stream, answerType, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException($"Slack {method} answered null instead of an object.");
        if (answer.Ok)
            return answer;
        var error = answer.Error ?? "unknown_error";
        LogApiError(_logger, method, error);
        throw new SlackApiException(method, error);
    }

    private Uri BaseUrl()
    {
        var text = _options.ApiBaseUrl.ToString();
        return text.EndsWith('/') ? _options.ApiBaseUrl : new Uri(text + "/");
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
            return delta;
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        // Slack always sends the header; a minute is the cautious guess if a proxy dropped it.
        return TimeSpan.FromSeconds(60);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Slack rate-limited {Method}; pausing it for {Seconds} s")]
    private static partial void LogRateLimited(ILogger logger, string method, double seconds);

    [LoggerMessage(EventId = 701, Level = LogLevel.Debug, Message = "Slack {Method} returned error {Error}")]
    private static partial void LogApiError(ILogger logger, string method, string error);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Posting to a response_url failed with HTTP {Status}")]
    private static partial void LogResponseUrlFailed(ILogger logger, int status);
}
