using System.Text.Json;
using MentorBot.Core.Commands;

namespace MentorBot.Slack.Rendering;

/// <summary>
/// A follow-up button carries its command in the button's <c>value</c>, so a click can be replayed without
/// server-side state. Slack caps the value at 2,000 characters; longer follow-ups are not rendered.
/// </summary>
public sealed record FollowUpValue(string Command, IReadOnlyDictionary<string, string> Options)
{
    public const int MaxLength = 2000;

    public string Encode() => JsonSerializer.Serialize(new Wire(Command, new Dictionary<string, string>(Options)));

    public static FollowUpValue From(FollowUp followUp) => new(followUp.Command, followUp.Options);

    public static FollowUpValue? TryDecode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
            return null;
        try
        {
            var wire = JsonSerializer.Deserialize<Wire>(value);
            if (wire is null || string.IsNullOrWhiteSpace(wire.C))
                return null;
            return new FollowUpValue(wire.C, new Dictionary<string, string>(wire.O ?? [], StringComparer.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Wire(string C, Dictionary<string, string>? O);
}
