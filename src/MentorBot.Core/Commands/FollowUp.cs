namespace MentorBot.Core.Commands;

/// <summary>A suggested next command: clicking it sends <see cref="Command"/> with <see cref="Options"/> as the clicker.</summary>
public sealed record FollowUp(string Label, string Command, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>
    /// The option naming the logged question a click refers to (see <c>FaqQuestionLog</c>). Buttons carry it; it is not
    /// something a person types, so text renderers leave it out of the command line they show.
    /// </summary>
    public const string QuestionLogOption = "q";

    /// <summary>
    /// A rating of the reply it comes with (Helpful / Not helpful) rather than a command worth trying: platforms with
    /// buttons show it, a text console offers its own words instead.
    /// </summary>
    public bool Rates { get; init; }

    public static FollowUp Faq(string label, string entryId) =>
        new(label, "faq", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["question"] = entryId });
}
