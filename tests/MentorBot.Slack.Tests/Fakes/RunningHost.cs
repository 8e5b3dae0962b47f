using System.Net.Http.Headers;
using System.Text;
using MentorBot.Host;
using MentorBot.Slack.Http;
using MentorBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Slack.Tests.Fakes;

/// <summary>The whole MentorBot host on loopback, with a temporary LiteDB file and the repository's knowledge, talking to a fake Slack.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret-0123456789abcdef";

    private readonly string _directory;

    private RunningHost(WebApplication app, FakeSlack slack, string directory)
    {
        App = app;
        Slack = slack;
        _directory = directory;
        Url = LoopbackApp.AddressOf(app);
        Http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public FakeSlack Slack { get; }

    public Uri Url { get; }

    public HttpClient Http { get; }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="beforeStart">Runs on the built host before it starts, e.g. to add a logger provider.</param>
    public static async Task<RunningHost> StartAsync(FakeSlack slack, SlackMode mode, IDictionary<string, string?>? extra = null, Action<WebApplication>? beforeStart = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "mentorbot-slack-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:Mode"] = mode.ToString(),
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:AppToken"] = FakeSlack.AppToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = slack.ApiUrl.ToString(),
            ["Storage:DatabasePath"] = Path.Combine(directory, "mentorbot.db"),
            ["Knowledge:Path"] = Path.Combine(RepositoryRoot(), "knowledge"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        var app = BotApplication.Build(["--urls", "http://127.0.0.1:0"], configure: cfg => cfg.AddInMemoryCollection(settings));
        beforeStart?.Invoke(app);
        await app.StartAsync();
        return new RunningHost(app, slack, directory);
    }

    /// <summary>Posts a form body signed the way Slack signs it, at the current real time.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType = "application/x-www-form-urlencoded", string? secret = null, IDictionary<string, string>? headers = null, TimeSpan? age = null) =>
        PostSignedAsync(path, Encoding.UTF8.GetBytes(body), contentType, secret, headers, age);

    /// <summary>Posts raw bytes (which need not be valid UTF-8) signed the way Slack signs them.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, byte[] bytes, string contentType = "application/x-www-form-urlencoded", string? secret = null, IDictionary<string, string>? headers = null, TimeSpan? age = null)
    {
        var timestamp = (TimeProvider.System.GetUtcNow() - (age ?? TimeSpan.Zero)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(secret ?? SigningSecret, timestamp, bytes));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.Add(name, value);
        return SendAndDisposeAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }

    private async Task<HttpResponseMessage> SendAndDisposeAsync(HttpRequestMessage request)
    {
        using (request)
            return await Http.SendAsync(request);
    }
}
