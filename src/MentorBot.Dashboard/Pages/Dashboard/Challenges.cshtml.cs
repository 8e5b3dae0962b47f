using MentorBot.Core.Challenges;
using MentorBot.Core.Commands;
using MentorBot.Dashboard.Sessions;

namespace MentorBot.Dashboard.Pages.Dashboard;

/// <summary>
/// Every challenge of the session's community, open and closed; posting and closing go through the core's
/// <c>/challenge post|close</c> handler, so the form has the command's validation and its announcement.
/// </summary>
public sealed class ChallengesModel(IChallengeStore challenges, CommandDispatcher dispatcher, DashboardSessions sessions) : DashboardPageModel
{
    public IReadOnlyList<ChallengeRow> Rows { get; private set; } = [];

    /// <summary>What the command answered to the last post or close.</summary>
    public Reply? Result { get; private set; }

    public string? Title { get; private set; }

    public string? Description { get; private set; }

    public string? Due { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task OnPostPostAsync(string? title, string? description, string? due)
    {
        Result = await RunAsync("post", new() { ["title"] = title ?? "", ["description"] = description ?? "", ["due"] = due ?? "" }).ConfigureAwait(false);
        await sessions.AuditAsync(SignedIn, DashboardSessions.Actions.ChallengePost, Outcome(Result, title), HttpContext.RequestAborted).ConfigureAwait(false);
        // A refused post keeps what was typed, so it can be corrected.
        if (Result.Kind == ReplyKind.Refusal)
            (Title, Description, Due) = (title, description, due);
        await LoadAsync().ConfigureAwait(false);
    }

    public async Task OnPostCloseAsync(string? id)
    {
        Result = await RunAsync("close", new() { ["id"] = id ?? "" }).ConfigureAwait(false);
        await sessions.AuditAsync(SignedIn, DashboardSessions.Actions.ChallengeClose, Outcome(Result, "#" + id), HttpContext.RequestAborted).ConfigureAwait(false);
        await LoadAsync().ConfigureAwait(false);
    }

    // The community and the moderator come from the session; the form supplies only the command's options.
    private Task<Reply> RunAsync(string subcommand, Dictionary<string, string> options) =>
        dispatcher.DispatchAsync(new CommandRequest("challenge", options, Moderator, Community) { Subcommand = subcommand }, HttpContext.RequestAborted);

    private static string Outcome(Reply reply, string? subject) => reply.Kind == ReplyKind.Refusal
        ? $"refused ({subject}): {reply.Text}"
        : reply.Title ?? subject ?? "";

    private async Task LoadAsync()
    {
        var all = await challenges.ListAsync(Community, includeClosed: true, HttpContext.RequestAborted).ConfigureAwait(false);
        var rows = new List<ChallengeRow>(all.Count);
        foreach (var challenge in all.OrderByDescending(c => c.Id))
        {
            var submissions = await challenges.ListSubmissionsAsync(challenge.Id, HttpContext.RequestAborted).ConfigureAwait(false);
            rows.Add(new ChallengeRow(challenge, submissions.Count));
        }
        Rows = rows;
    }
}

public sealed record ChallengeRow(Challenge Challenge, int Submissions);
