namespace MentorBot.Slack.WebApi.Responses;

/// <summary>A user's profile: the names people chose to be shown by.</summary>
public sealed record UserProfile
{
    public string? DisplayName { get; set; }

    public string? RealName { get; set; }
}
