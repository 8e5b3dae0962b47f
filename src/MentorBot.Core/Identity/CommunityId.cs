namespace MentorBot.Core.Identity;

/// <summary>A Discord guild, a Slack workspace, or the console: the scope of leaderboards and challenges.</summary>
public readonly record struct CommunityId(string Platform, string Id)
{
    public override string ToString() => $"{Platform}:{Id}";

    public static CommunityId Parse(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
            throw new FormatException($"'{value}' is not a community id of the form platform:id.");
        return new CommunityId(value[..colon], value[(colon + 1)..]);
    }
}
