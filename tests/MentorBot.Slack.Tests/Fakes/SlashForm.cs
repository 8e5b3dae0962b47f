using System.Text.Json.Nodes;

namespace MentorBot.Slack.Tests.Fakes;

/// <summary>Builds slash-command bodies the way Slack sends them: a form post over HTTP, a JSON payload over Socket Mode.</summary>
public static class SlashForm
{
    public static Dictionary<string, string> Fields(string command, string text, string userId, Uri responseUrl) => new()
    {
        ["token"] = "legacy-verification-token",
        ["team_id"] = FakeSlack.TeamId,
        ["team_domain"] = "fake-team",
        ["channel_id"] = "C0GENERAL",
        ["channel_name"] = "general",
        ["user_id"] = userId,
        ["user_name"] = "learner-" + userId,
        ["command"] = command,
        ["text"] = text,
        ["api_app_id"] = "A0FAKE",
        ["response_url"] = responseUrl.ToString(),
        ["trigger_id"] = "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
    };

    public static string Form(string command, string text, string userId, Uri responseUrl) =>
        string.Join('&', Fields(command, text, userId, responseUrl).Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public static JsonObject Json(string command, string text, string userId, Uri responseUrl)
    {
        var json = new JsonObject();
        foreach (var (key, value) in Fields(command, text, userId, responseUrl))
            json[key] = value;
        return json;
    }
}
