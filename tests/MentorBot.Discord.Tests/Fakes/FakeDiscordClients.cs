using MentorBot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord.Tests.Fakes;

/// <summary>The bot's side of a test against the fake Discord: its options and a REST client that waits on real time.</summary>
internal static class FakeDiscordClients
{
    /// <summary>The application, API address and token of <paramref name="discord"/>.</summary>
    public static IOptions<DiscordOptions> Options(FakeDiscord discord, string token = FakeDiscord.BotToken) =>
        Microsoft.Extensions.Options.Options.Create(new DiscordOptions { ApplicationId = FakeDiscord.ApplicationId, ApiBaseUrl = discord.ApiBaseUrl, BotToken = token });

    /// <summary>REST with the default limits on the system clock; tests that drive other waits on a fake clock keep these real.</summary>
    public static DiscordRestClient Rest(HttpClient http, IOptions<DiscordOptions> options) =>
        new(http, options, new RateLimiter(TimeProvider.System), TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
}
