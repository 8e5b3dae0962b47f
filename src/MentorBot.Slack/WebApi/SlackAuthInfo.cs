namespace MentorBot.Slack.WebApi;

/// <summary>What <c>auth.test</c> says about the bot: its own user id (to strip its mention) and its workspace.</summary>
public sealed record SlackAuthInfo(string UserId, string TeamId, string? BotId);
