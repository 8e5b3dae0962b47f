using MentorBot.Slack.Commands;
using Microsoft.Extensions.Primitives;

namespace MentorBot.Slack.Payloads;

/// <summary>
/// A slash command as Slack sends it: form fields over HTTP, the same fields as a JSON object in a Socket Mode
/// <c>slash_commands</c> envelope. Only the fields the bot uses; a missing field reads as empty.
/// </summary>
/// <remarks>Setters rather than init accessors, as in the Discord adapter's payloads: the source generator parses them faster.</remarks>
public sealed record SlashCommandPayload
{
    public string? Command { get; set; }

    public string? Text { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string? TeamId { get; set; }

    public string? ChannelId { get; set; }

    public string? ResponseUrl { get; set; }

    /// <summary>"1" when Slack only probes the URL's certificate; such a request is acknowledged and nothing else.</summary>
    public string? SslCheck { get; set; }

    /// <summary>The fields of a form post (<c>application/x-www-form-urlencoded</c>), by the same snake_case names as the JSON.</summary>
    public static SlashCommandPayload FromForm(IReadOnlyDictionary<string, StringValues> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        return new SlashCommandPayload
        {
            Command = Field("command"),
            Text = Field("text"),
            UserId = Field("user_id"),
            UserName = Field("user_name"),
            TeamId = Field("team_id"),
            ChannelId = Field("channel_id"),
            ResponseUrl = Field("response_url"),
            SslCheck = Field("ssl_check"),
        };
    }

    public SlashCommand ToCommand()
    {
        Uri.TryCreate(ResponseUrl, UriKind.Absolute, out var responseUrl);
        return new SlashCommand(Command ?? "", Text ?? "", UserId ?? "", UserName ?? "", TeamId ?? "", ChannelId ?? "", responseUrl);
    }
}
