using MentorBot.Core.Faq.Learning;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Knowledge;
using MentorBot.Core.Knowledge.Learning;
using MentorBot.Dashboard.Sessions;
using MentorBot.Core.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MentorBot.Dashboard.Pages.Dashboard;

/// <summary>
/// What the bot failed to answer in the session's community lately, grouped into near-duplicates, with the two ways
/// to teach it: add a group's question to an existing entry, or draft a new entry. A change is offered as a patch
/// download, or written into the knowledge folder when <c>Knowledge:Writable</c> is on and the moderator asks for it.
/// </summary>
public sealed class QuestionsModel(
    IQuestionLog log,
    FaqQuestionLog logging,
    IKnowledgeProvider knowledge,
    QuestionGrouper grouper,
    KnowledgePatcher patcher,
    KnowledgeWriter writer,
    DashboardSessions sessions,
    IOptions<DashboardOptions> options,
    TimeProvider time) : DashboardPageModel
{
    /// <summary>How far back the page looks.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>
    /// Distinct questions per page: grouping is quadratic, so an old backlog must not stall the page; older ones are a
    /// link away.
    /// </summary>
    public const int PageSize = 500;

    public QuestionGrouping Grouping { get; private set; } = new([], "lexical", null, 0);

    /// <summary>Votes and suggestion clicks per entry in the window, by entry id.</summary>
    public IReadOnlyDictionary<string, Core.Faq.QuestionLog.EntryFeedback> Feedback { get; private set; } =
        new Dictionary<string, Core.Faq.QuestionLog.EntryFeedback>();

    public IReadOnlyList<string> EntryIds { get; private set; } = [];

    /// <summary>
    /// Which answers count as shaky: the engine's current calibrated answer threshold of each mode plus
    /// <c>Dashboard:Questions:ShakyBand</c>, beside everything declined or only suggested.
    /// </summary>
    public ShakyCut Cut { get; private set; } = new(0, 0);

    /// <summary>This page of distinct questions with the window's totals.</summary>
    public ShakyQuestionPage Listed { get; private set; } = new([], 0, 0, null);

    /// <summary>Whether this is a page of older questions (an "Older questions" link was followed).</summary>
    public bool Older { get; private set; }

    public bool Writable => writer.Writable;

    /// <summary>The outcome of the last change: what was written, or why nothing was.</summary>
    public string? Message { get; private set; }

    public bool Refused { get; private set; }

    /// <summary>Set when an alternate question was refused because its entry is full: the form to pick one to replace.</summary>
    public ReplaceChoice? Replace { get; private set; }

    /// <summary>The question a moderator wanted to add to a full entry, and the entry's questions it could replace.</summary>
    public sealed record ReplaceChoice(string EntryId, string Question, IReadOnlyList<string> Questions);

    /// <param name="older">The cursor of an "Older questions" link; absent for the latest questions.</param>
    public Task OnGetAsync(string? older)
    {
        if (older is null)
            return LoadAsync(null);
        if (ShakyCursor.TryParse(older, out var cursor))
            return LoadAsync(cursor);
        (Message, Refused) = ("That link to older questions is not one this page made; showing the latest questions.", true);
        return LoadAsync(null);
    }

    /// <param name="replacing">The entry's alternate question to replace (chosen when the entry is full); null to add.</param>
    public async Task<IActionResult> OnPostAlternateAsync(string? entryId, string? question, string? replacing, bool write)
    {
        var result = patcher.AddAlternateQuestion(entryId ?? "", question ?? "", replacing);
        if (result.Replaceable.Count > 0)
            Replace = new ReplaceChoice(entryId ?? "", question ?? "", result.Replaceable);
        var subject = string.IsNullOrWhiteSpace(replacing) ? $"{entryId}: {question}" : $"{entryId}: {question} (replacing {replacing})";
        return await FinishAsync(result, write, DashboardSessions.Actions.QuestionAlternate, subject).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostDraftAsync(string[]? questions, bool write)
    {
        var asked = questions ?? [];
        var result = patcher.DraftEntry(asked);
        return await FinishAsync(result, write, DashboardSessions.Actions.QuestionDraft, string.Join(" | ", asked)).ConfigureAwait(false);
    }

    private async Task<IActionResult> FinishAsync(KnowledgeChangeResult result, bool write, string action, string subject)
    {
        if (result.Change is not { } change)
        {
            await sessions.AuditAsync(SignedIn, action, $"refused ({subject}): {result.Refusal}", HttpContext.RequestAborted).ConfigureAwait(false);
            (Message, Refused) = (result.Refusal, true);
            await LoadAsync(null).ConfigureAwait(false);
            return Page();
        }

        // The checkbox is only shown when writing is on; without it the patch goes to review as a download.
        if (!write || !writer.Writable)
        {
            await sessions.AuditAsync(SignedIn, action, $"patch downloaded: {change.Description}", HttpContext.RequestAborted).ConfigureAwait(false);
            return File(System.Text.Encoding.UTF8.GetBytes(change.Diff), "text/x-diff", change.PatchFileName);
        }

        var written = writer.Apply(change);
        // The change's own description goes into the audit too: a replacement removes a phrasing, which must be traceable.
        await sessions.AuditAsync(SignedIn, action, (written.Written ? "written: " : "refused: ") + $"{change.Description}. {written.Message}", HttpContext.RequestAborted)
            .ConfigureAwait(false);
        (Message, Refused) = (written.Message, !written.Written);
        await LoadAsync(null).ConfigureAwait(false);
        return Page();
    }

    private async Task LoadAsync(ShakyCursor? after)
    {
        var since = time.GetUtcNow() - Window;
        // Questions wait in memory for up to Faq:QuestionLog:FlushInterval; one just asked belongs on the page.
        await logging.FlushAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        // The calibration the engine decides with now (knowledge/faq-calibration.json, reloaded with the folder).
        Cut = ShakyCut.From(knowledge.Current.Calibration, options.Value.Questions.ShakyBand);
        Older = after is not null;
        Listed = await log.ListShakyAsync(Community, since, Cut, PageSize, after, HttpContext.RequestAborted).ConfigureAwait(false);
        var asked = Listed.Questions
            .Select(q => new AskedQuestion(q.Text.Trim(), q.Count)
            {
                EntryId = q.LastDecision.EntryId ?? (q.LastDecision.SuggestionIds is [var first, ..] ? first : null),
                Confidence = q.LastDecision.Confidence,
            })
            .ToList();
        Grouping = grouper.Group(asked, HttpContext.RequestAborted);
        var feedback = await log.FeedbackByEntryAsync(Community, since, HttpContext.RequestAborted).ConfigureAwait(false);
        Feedback = feedback.ToDictionary(f => f.EntryId, StringComparer.OrdinalIgnoreCase);
        EntryIds = knowledge.Current.Faq.Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
    }
}
