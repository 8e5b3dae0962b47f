using MentorBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Slack.Tests.Fakes;

/// <summary>A real <see cref="SlackApiClient"/> pointed at the fake, with the clock a test chooses.</summary>
public static class ApiClientFactory
{
    public static SlackApiClient Create(FakeSlack slack, TimeProvider? time = null, string botToken = FakeSlack.BotToken)
    {
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = new SlackOptions { BotToken = botToken, AppToken = FakeSlack.AppToken, ApiBaseUrl = slack.ApiUrl };
        return new SlackApiClient(http, Options.Create(options), time ?? TimeProvider.System, NullLogger<SlackApiClient>.Instance);
    }
}
