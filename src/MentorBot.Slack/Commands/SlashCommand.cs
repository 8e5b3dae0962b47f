namespace MentorBot.Slack.Commands;

/// <summary>The fields of a Slack slash command the bot uses, whether it came as a form post or a Socket Mode envelope.</summary>
public sealed record SlashCommand(string Command, string Text, string UserId, string UserName, string TeamId, string ChannelId, Uri? ResponseUrl);
