using System.Net;
using MentorBot.Slack.Tests.Fakes;
using MentorBot.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.Tests.EndToEnd;

/// <summary>
/// Everything the whole host logs, at every level and in every category, while a slash command is answered through
/// its <c>response_url</c>: the URL's path (its secret), the bot token and the signing secret must never appear.
/// </summary>
public sealed class SecretsInLogsTests : IAsyncLifetime, IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private FakeSlack _slack = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0LEARNER"] = new FakeSlackUser("U0LEARNER", "ada");
        _host = await RunningHost.StartAsync(
            _slack,
            SlackMode.Http,
            new Dictionary<string, string?>
            {
                // The shortest budget there is; the test also holds users.info, since a fast answer could still beat it.
                ["Slack:AckBudget"] = "00:00:00.0000001",
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Trace",
                ["Logging:LogLevel:System"] = "Trace",
            },
            app => app.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task A_response_url_reply_logs_neither_its_path_nor_any_token_or_secret()
    {
        var responseUrl = _slack.NewResponseUrl();
        var secretPart = responseUrl.Segments.Last();

        // The answer waits for users.info, held until the acknowledgement is back: however fast or loaded the machine,
        // the budget runs out first and the answer must go through the response_url.
        var usersInfo = _slack.Hold("users.info");
        using var response = await _host.PostSignedAsync("/slack/commands", SlashForm.Form("/faq", "do I need a degree", "U0LEARNER", responseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        usersInfo.SetResult();
        await Wait.UntilAsync(() => _slack.ResponseUrlPosts.Any(p => p.Id == secretPart), "the answer must arrive through response_url", timeoutMs: 30_000);
        // The POST to the response_url logged, however its URL is shown.
        var host = _slack.BaseUrl.GetLeftPart(UriPartial.Authority);
        await Wait.UntilAsync(() => _logs.Entries.Any(e => e.Contains("POST " + host, StringComparison.Ordinal) && !e.Contains(host + "/api/", StringComparison.Ordinal)), "the response_url request is logged");

        var logged = _logs.Text;
        Assert.Contains("users.info", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(secretPart, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSlack.BotToken, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSlack.AppToken, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(RunningHost.SigningSecret, logged, StringComparison.Ordinal);
        Assert.Contains("POST " + host + "/…", logged, StringComparison.Ordinal);
    }
}
