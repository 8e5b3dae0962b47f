using System.Text;
using MentorBot.Core.Commands;

namespace MentorBot.Discord.Rendering;

/// <summary>
/// Packs a follow-up (command + options) into a button's <c>custom_id</c> (at most 100 characters) and back, so a
/// click can be re-dispatched without any server-side state: <c>mb1|faq|question=getting-started</c>.
/// </summary>
public static class CustomIdCodec
{
    public const int MaxLength = 100;
    private const string Prefix = "mb1";

    /// <summary>The custom id, or null when it would not fit in 100 characters.</summary>
    public static string? Encode(FollowUp followUp)
    {
        var builder = new StringBuilder(Prefix).Append('|').Append(Uri.EscapeDataString(followUp.Command));
        foreach (var (name, value) in followUp.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
            builder.Append('|').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return builder.Length <= MaxLength ? builder.ToString() : null;
    }

    public static bool TryDecode(string? customId, out string command, out IReadOnlyDictionary<string, string> options)
    {
        command = "";
        options = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(customId) || customId.Length > MaxLength)
            return false;
        var parts = customId.Split('|');
        if (parts.Length < 2 || parts[0] != Prefix || parts[1].Length == 0)
            return false;
        var decoded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(2))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                return false;
            decoded[Uri.UnescapeDataString(part[..eq])] = Uri.UnescapeDataString(part[(eq + 1)..]);
        }
        command = Uri.UnescapeDataString(parts[1]);
        options = decoded;
        return true;
    }
}
