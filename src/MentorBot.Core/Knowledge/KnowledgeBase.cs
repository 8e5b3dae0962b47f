using MentorBot.Core.Faq;

namespace MentorBot.Core.Knowledge;

/// <summary>An immutable, validated snapshot of everything under <c>knowledge/</c>.</summary>
public sealed record KnowledgeBase(
    IReadOnlyList<FaqEntry> Faq,
    IReadOnlyList<RoadmapWeek> Roadmap,
    Lexicon Lexicon)
{
    private readonly Dictionary<string, FaqEntry> _byId = Faq.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The FAQ engine's fitted parameters (<c>faq-calibration.json</c>), or the built-in ones.</summary>
    public FaqCalibration Calibration { get; init; } = FaqCalibration.Default;

    public static KnowledgeBase Empty { get; } = new([], [], Lexicon.Empty);

    public FaqEntry? FindFaq(string id) => _byId.GetValueOrDefault(id);

    public RoadmapWeek? FindWeek(int week) => Roadmap.FirstOrDefault(w => w.Week == week);
}
