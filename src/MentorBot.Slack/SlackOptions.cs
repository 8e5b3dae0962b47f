namespace MentorBot.Slack;

/// <summary>The <c>Slack</c> configuration section.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public SlackMode Mode { get; set; } = SlackMode.SocketMode;

    /// <summary>The bot user OAuth token (<c>xoxb-…</c>) used for every Web API call.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>); only Socket Mode needs it.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>Verifies that HTTP requests come from Slack; only Http mode needs it.</summary>
    public string SigningSecret { get; set; } = "";

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Users treated as moderators even when they are not workspace admins or owners.</summary>
    public IList<string> ModeratorUserIds { get; } = [];

    /// <summary>How long a slash command may take before it is acknowledged empty and answered through <c>response_url</c>.</summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a looked-up user (admin flags, time zone) is trusted before asking <c>users.info</c> again.</summary>
    public TimeSpan UserCacheDuration { get; set; } = TimeSpan.FromMinutes(10);
}
