using MentorBot.Discord.Interactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace MentorBot.Discord;

public static class DiscordEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /discord/interactions</c>, the Interactions Endpoint URL for Http mode.</summary>
    public static IEndpointConventionBuilder MapDiscordEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(InteractionEndpoint.Path, (Delegate)InteractionEndpoint.HandleAsync);
}
