namespace MentorBot.Slack.WebApi;

/// <summary>The parts of a <c>users.info</c> user the bot uses.</summary>
public sealed record SlackUser(string Id, string Name, string? DisplayName, string? TimeZone, bool IsAdmin, bool IsOwner, bool IsBot);
