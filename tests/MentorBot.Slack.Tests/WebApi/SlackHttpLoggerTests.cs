using MentorBot.Slack.WebApi;

namespace MentorBot.Slack.Tests.WebApi;

public sealed class SlackHttpLoggerTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", "https://hooks.slack.com/…")]
    [InlineData("https://hooks.slack.com/actions/T1/2/SECRET?x=1", "https://hooks.slack.com/…")]
    [InlineData("https://slack.com/api/chat.postMessage", "https://slack.com/api/chat.postMessage")]
    [InlineData("https://slack.com/api/users.info?user=U0A&include_locale=true", "https://slack.com/api/users.info")]
    public void Response_urls_are_logged_by_host_and_api_calls_without_their_query(string url, string logged)
    {
        Assert.Equal(logged, SlackHttpLogger.Redact(new Uri(url)));
    }
}
