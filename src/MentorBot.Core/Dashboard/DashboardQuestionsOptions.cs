using System.Globalization;

namespace MentorBot.Core.Dashboard;

/// <summary><c>Dashboard:Questions:*</c>: what the Questions page lists.</summary>
public sealed record DashboardQuestionsOptions
{
    /// <summary>
    /// How far above the FAQ engine's calibrated answer threshold (<c>answerAt</c> in <c>faq-calibration.json</c>, of the
    /// mode that answered) an answer still counts as shaky and is listed beside what the bot declined. 0 lists no
    /// answers at all; 0.1 lists answers with 0.65 ≤ confidence &lt; 0.75 when the model answers at 0.65.
    /// </summary>
    public double ShakyBand { get; init; } = 0.1;

    /// <summary>A problem naming the key and the value; null when usable.</summary>
    public string? Problem() => ShakyBand is >= 0 and <= 1
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"Dashboard:Questions:ShakyBand must be between 0 and 1 (how far above the answer threshold an answer is shaky), not {ShakyBand}.");
}
