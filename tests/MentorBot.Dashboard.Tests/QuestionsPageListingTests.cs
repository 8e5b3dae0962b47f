using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Dashboard.Tests.Support;
using MentorBot.Testing;

namespace MentorBot.Dashboard.Tests;

/// <summary>What the Questions page lists: which answers are shaky, and every distinct question however many there are.</summary>
public sealed partial class QuestionsPageListingTests
{
    private static readonly CommunityId Console = new("console", "local");
    private const string WithModel = "kb-0123abcd cal-2026-12-03 sem-on";
    private const string LexicalOnly = "kb-0123abcd cal-2026-12-03 sem-off";
    private int _next;

    [Fact]
    public async Task An_answer_just_above_the_calibrated_threshold_of_its_mode_is_listed_and_one_well_above_is_not()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = await SignedInAsync(host);
        var calibration = host.Service<IKnowledgeProvider>().Current.Calibration;
        var (model, lexical) = (calibration.Semantic.AnswerAt, calibration.Lexical.AnswerAt);
        await host.Service<IQuestionLog>().AppendAsync(
        [
            Asked(host, "model just above its threshold", Answer(model + 0.02), WithModel),
            Asked(host, "model well above its threshold", Answer(model + 0.15), WithModel),
            Asked(host, "lexical just above its threshold", Answer(lexical + 0.02), LexicalOnly),
            Asked(host, "lexical well above its threshold", Answer(lexical + 0.15), LexicalOnly),
        ]);

        var page = await client.GetAsync("/dashboard/questions");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("model just above its threshold", page.Html, StringComparison.Ordinal);
        Assert.Contains("lexical just above its threshold", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("model well above its threshold", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("lexical well above its threshold", page.Html, StringComparison.Ordinal);
        // The page says the cuts it used: each threshold plus the default band of 0.1.
        Assert.Contains($"below {(model + 0.1).ToString("0.00", CultureInfo.InvariantCulture)} (with the embedding model)", page.Html, StringComparison.Ordinal);
        Assert.Contains($"{(lexical + 0.1).ToString("0.00", CultureInfo.InvariantCulture)} (lexical engine alone)", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_band_above_the_threshold_is_configurable()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:Questions:ShakyBand"] = "0.2" });
        using var client = await SignedInAsync(host);
        var lexical = host.Service<IKnowledgeProvider>().Current.Calibration.Lexical.AnswerAt;
        await host.Service<IQuestionLog>().AppendAsync([Asked(host, "lexical fairly far above its threshold", Answer(lexical + 0.15), LexicalOnly)]);

        var page = await client.GetAsync("/dashboard/questions");

        Assert.Contains("lexical fairly far above its threshold", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Past_five_hundred_distinct_questions_the_older_ones_are_a_link_away_and_a_much_asked_one_counts_once(bool postgres)
    {
        await using var host = await DashboardHost.StartAsync(postgres ? SharedDatabase.Settings(await SharedDatabase.CreateAsync()) : null);
        using var client = await SignedInAsync(host);
        // 520 distinct declined questions an hour apart, the oldest of them asked 300 times; then the newest a second time.
        var log = host.Service<IQuestionLog>();
        var start = host.Time.GetUtcNow() - TimeSpan.FromDays(25);
        var asks = Enumerable.Range(0, 520).Select(i => Asked(Text(i), Declined, WithModel, start + TimeSpan.FromHours(i)))
            .Concat(Enumerable.Range(1, 299).Select(i => Asked(Text(0), Declined, WithModel, start - TimeSpan.FromSeconds(i))))
            .Append(Asked(Text(519), Declined, WithModel, start + TimeSpan.FromHours(521)))
            .ToList();
        await log.AppendAsync(asks);

        var first = await client.GetAsync("/dashboard/questions");
        var older = OlderLink().Match(first.Html);
        Assert.True(older.Success, "no Older questions link on:\n" + first.Html);
        var second = await client.GetAsync(WebUtility.HtmlDecode(older.Groups[1].Value));

        Assert.Contains("Showing 500 of 520 distinct question(s) (820 asked).", first.Html, StringComparison.Ordinal);
        Assert.Contains(Row(Text(519), 2), first.Html, StringComparison.Ordinal);
        Assert.Contains(Row(Text(20), 1), first.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Html(Text(19)), first.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("Showing 20 of 520 distinct question(s) (820 asked), older ones.", second.Html, StringComparison.Ordinal);
        Assert.Contains(Row(Text(0), 300), second.Html, StringComparison.Ordinal);
        Assert.Contains(Row(Text(19), 1), second.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Html(Text(20)), second.Html, StringComparison.Ordinal);
        Assert.DoesNotMatch(OlderLink(), second.Html);
        Assert.Contains(">Latest questions</a>", second.Html, StringComparison.Ordinal);
        // A page of older questions is a page like the first: its forms post with its antiforgery token.
        Assert.NotNull(second.AntiforgeryToken);
    }

    [Fact]
    public async Task A_link_to_older_questions_the_page_did_not_make_shows_the_latest_with_a_message()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = await SignedInAsync(host);
        await host.Service<IQuestionLog>().AppendAsync([Asked(host, "the only declined question", Declined, WithModel)]);

        var page = await client.GetAsync("/dashboard/questions?older=" + Uri.EscapeDataString("not a cursor <b>"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("class=\"message refusal\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("the only declined question", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page.Html, StringComparison.Ordinal);
    }

    // Words and symbols that must survive the older link's URL and HTML encoding.
    private static string Text(int i) => $"what about topic {i:D3} & \"more\"?";

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Row(string text, int count) => $"<tr><td>{Html(text)}</td><td>{count}</td>";

    private static QuestionDecision Declined => new(QuestionOutcome.Declined) { Confidence = 0.1 };

    private static QuestionDecision Answer(double confidence) => new(QuestionOutcome.Answered) { EntryId = "certifications", Confidence = confidence };

    private LoggedQuestion Asked(DashboardHost host, string text, QuestionDecision decision, string engine) =>
        Asked(text, decision, engine, host.Time.GetUtcNow() - TimeSpan.FromHours(1));

    private LoggedQuestion Asked(string text, QuestionDecision decision, string engine, DateTimeOffset at) =>
        new($"listing{Interlocked.Increment(ref _next):D16}", Console, text, text, at, decision, engine, null);

    private static async Task<DashboardClient> SignedInAsync(DashboardHost host)
    {
        var client = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(await host.SignInLinkAsync())).Status);
        return client;
    }

    [GeneratedRegex("<a href=\"([^\"]*)\">Older questions</a>")]
    private static partial Regex OlderLink();
}
