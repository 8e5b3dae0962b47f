using MentorBot.Core.Identity;

namespace MentorBot.Slack.Commands;

/// <summary>Who asked and where, as every Slack entry point (slash command, mention or DM, button click) reports it.</summary>
public sealed record SlackCaller(string UserId, string? UserName, string TeamId, string? ChannelId)
{
    /// <summary>
    /// A user and a workspace are required and a channel optional, each shaped like an id (<see cref="PlatformIds"/>):
    /// an empty user would act for the learner <c>slack:</c>, and an over-long id fails as a storage key.
    /// </summary>
    public bool IsValid =>
        PlatformIds.IsValid(UserId) && PlatformIds.IsValid(TeamId) && (string.IsNullOrEmpty(ChannelId) || PlatformIds.IsValid(ChannelId));
}
