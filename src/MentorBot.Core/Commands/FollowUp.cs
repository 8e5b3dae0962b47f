namespace MentorBot.Core.Commands;

/// <summary>A suggested next command: clicking it sends <see cref="Command"/> with <see cref="Options"/> as the clicker.</summary>
public sealed record FollowUp(string Label, string Command, IReadOnlyDictionary<string, string> Options)
{
    public static FollowUp Faq(string label, string entryId) =>
        new(label, "faq", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["question"] = entryId });
}
