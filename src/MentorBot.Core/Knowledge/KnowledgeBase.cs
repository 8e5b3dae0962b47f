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

    /// <summary>
    /// Questions the bot must decline (<c>off-topic.txt</c>): near misses from other professions, front-end-only work,
    /// other countries' salaries, one specific bug. A question closer to one of them than to an entry is less likely
    /// to be answered (<see cref="FaqSignals.OffTopicMargin"/>).
    /// </summary>
    public IReadOnlyList<string> OffTopicExamples { get; init; } = [];

    public static KnowledgeBase Empty { get; } = new([], [], Lexicon.Empty);

    public FaqEntry? FindFaq(string id) => _byId.GetValueOrDefault(id);

    public RoadmapWeek? FindWeek(int week) => Roadmap.FirstOrDefault(w => w.Week == week);
}
