using MentorBot.Discord.Interactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Discord;

public static class DiscordEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /discord/interactions</c>, the Interactions Endpoint URL for Http mode.</summary>
    /// <remarks>In Http mode Discord reaches the bot through this endpoint, so mapping it marks the adapter connected.</remarks>
    public static IEndpointConventionBuilder MapDiscordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var mapped = endpoints.MapPost(InteractionEndpoint.Path, (RequestDelegate)InteractionEndpoint.HandleAsync);
        endpoints.ServiceProvider.GetService<DiscordAdapterStatus>()?.Set(true);
        return mapped;
    }
}
