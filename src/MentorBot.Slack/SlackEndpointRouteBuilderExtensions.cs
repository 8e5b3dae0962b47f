using MentorBot.Slack.Http;
using Microsoft.AspNetCore.Routing;

namespace MentorBot.Slack;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /slack/commands</c>, <c>/slack/events</c> and <c>/slack/interactions</c> (Http mode).</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints) => SlackHttpEndpoints.Map(endpoints);
}
