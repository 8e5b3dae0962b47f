using MentorBot.Core.Dashboard;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Tests.Faq.QuestionLog;

public sealed class ShakyCutTests
{
    private static readonly FaqCalibration Calibration = FaqCalibration.Default with
    {
        Semantic = FaqCalibration.Default.Semantic with { AnswerAt = 0.65 },
        Lexical = FaqCalibration.Default.Lexical with { AnswerAt = 0.51 },
    };

    private static LoggedQuestion Answered(double? confidence, string engine) => new(
        "q1", new CommunityId("console", "local"), "text", "text", DateTimeOffset.UnixEpoch,
        new QuestionDecision(QuestionOutcome.Answered) { EntryId = "e", Confidence = confidence }, engine, null);

    [Theory]
    [InlineData("kb-1 cal-default sem-off", 0.52, true)]
    [InlineData("kb-1 cal-default sem-off", 0.62, false)]
    [InlineData("kb-1 cal-default sem-on", 0.62, true)]
    [InlineData("kb-1 cal-default sem-on", 0.76, false)]
    [InlineData("made before labels", 0.74, true)]
    public void An_answer_is_shaky_below_its_modes_answer_threshold_plus_the_band(string engine, double confidence, bool shaky)
    {
        var cut = ShakyCut.From(Calibration, 0.1);

        Assert.Equal(shaky, cut.IsShaky(Answered(confidence, engine)));
    }

    [Fact]
    public void An_answer_without_a_confidence_is_shaky_and_small_talk_never_is()
    {
        var cut = ShakyCut.From(Calibration, 0);
        var hello = Answered(0.1, "sem-on") with { Decision = new QuestionDecision(QuestionOutcome.SmallTalk) { SmallTalk = SmallTalkKind.Greeting } };

        Assert.True(cut.IsShaky(Answered(null, "sem-on")));
        Assert.False(cut.IsShaky(hello));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_band_outside_zero_to_one_is_a_settings_problem_naming_the_key(double band)
    {
        var problem = new DashboardOptions { Questions = new DashboardQuestionsOptions { ShakyBand = band } }.Problem();

        Assert.Contains("Dashboard:Questions:ShakyBand", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cursor_token_round_trips_and_anything_else_is_not_a_cursor()
    {
        var cursor = new ShakyCursor(638_700_000_000_000_000, "what: about \"this\"?");

        Assert.True(ShakyCursor.TryParse(cursor.ToToken(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.False(ShakyCursor.TryParse("not a cursor", out _));
        Assert.False(ShakyCursor.TryParse("-5:x", out _));
        Assert.False(ShakyCursor.TryParse("99999999999999999999:x", out _));
        Assert.False(ShakyCursor.TryParse(":x", out _));
    }
}
