using MentorBot.Core.Challenges;
using Microsoft.AspNetCore.Mvc;

namespace MentorBot.Dashboard.Pages.Dashboard;

/// <summary>One challenge and its submissions. A challenge of another community is "not found", like a missing one.</summary>
public sealed class ChallengeModel(IChallengeStore challenges) : DashboardPageModel
{
    public Challenge Item { get; private set; } = null!;

    public IReadOnlyList<ChallengeSubmission> Submissions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var challenge = await challenges.GetAsync(id, HttpContext.RequestAborted).ConfigureAwait(false);
        if (challenge is null || challenge.Community != Community)
            return NotFound();
        Item = challenge;
        Submissions = await challenges.ListSubmissionsAsync(id, HttpContext.RequestAborted).ConfigureAwait(false);
        return Page();
    }
}
