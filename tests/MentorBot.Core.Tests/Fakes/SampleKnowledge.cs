using MentorBot.Core.Knowledge;

namespace MentorBot.Core.Tests.Fakes;

internal static class SampleKnowledge
{
    public static FaqEntry Degree { get; } = new(
        "degree", "Do I need a CS degree?", ["do I need a degree"], ["career"], ["https://example.org/degree"],
        ["portfolio", "first-language", "missing-entry", "learning-path"],
        "No. Many backend developers are self-taught.\n\nSources: https://example.org/degree", "faq/degree.md");

    public static FaqEntry Portfolio { get; } = new(
        "portfolio", "What should my portfolio contain?", [], [], [], [], "Two or three small, finished services.", "faq/portfolio.md");

    public static FaqEntry FirstLanguage { get; } = new(
        "first-language", "Which language should I learn first?", [], [], ["https://example.org/lang"], [], "Pick one and stick with it.", "faq/first-language.md");

    public static FaqEntry LearningPath { get; } = new(
        "learning-path", "How long does it take?", [], [], [], [], "About six months of steady work.", "faq/learning-path.md");

    public static IReadOnlyList<RoadmapWeek> Weeks { get; } =
    [
        new(1, "HTTP basics", "Understand requests and responses", ["Read about HTTP verbs", "Use curl against a public API"], "You can explain a 404", ["degree"], [], "", "roadmap/week-01.md"),
        new(2, "Your first API", "Build a tiny REST API", ["Create a project", "Add two endpoints"], "It answers GET /health", [], [], "", "roadmap/week-02.md"),
        new(3, "Databases", "Store data", ["Install Postgres"], "Data survives a restart", [], [], "", "roadmap/week-03.md"),
    ];

    public static KnowledgeBase Base { get; } = new([Degree, Portfolio, FirstLanguage, LearningPath], Weeks, Lexicon.Empty);
}
