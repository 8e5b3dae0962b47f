using MentorBot.Discord.Rest;

namespace MentorBot.Discord.Tests.Rest;

public sealed class DiscordHttpLoggerTests
{
    [Theory]
    [InlineData("https://discord.com/api/v10/interactions/123/SECRET-token.x/callback", "https://discord.com/api/v10/interactions/123/{token}/callback")]
    [InlineData("https://discord.com/api/v10/webhooks/111/SECRET-token/messages/@original", "https://discord.com/api/v10/webhooks/111/{token}/messages/@original")]
    [InlineData("https://discord.com/api/v10/webhooks/111/SECRET-token", "https://discord.com/api/v10/webhooks/111/{token}")]
    [InlineData("https://discord.com/api/v10/webhooks/111/SECRET-token?wait=true", "https://discord.com/api/v10/webhooks/111/{token}")]
    [InlineData("https://discord.com/api/v10/channels/444/messages", "https://discord.com/api/v10/channels/444/messages")]
    public void Tokens_and_queries_are_left_out_of_logged_urls(string url, string logged)
    {
        Assert.Equal(logged, DiscordHttpLogger.Redact(new Uri(url)));
    }
}
