using MentorBot.Core.Commands;

namespace MentorBot.Core.Dashboard;

/// <summary>
/// <c>/dashboard</c>: a moderator's single-use sign-in link to the web dashboard, visible only to them. Without
/// <see cref="DashboardLinks"/> (the host registers it only when the dashboard is on) it says how to turn it on.
/// </summary>
public sealed class DashboardHandler(DashboardLinks? links = null) : ICommandHandler
{
    public const string OffText =
        "The web dashboard is off on this host. To turn it on, set Dashboard:PublicBaseUrl to the address this host is reached at (e.g. https://bot.example.org).";

    public CommandDefinition Definition { get; } = new("dashboard", "Moderators: a sign-in link to the web dashboard")
    {
        ModeratorOnly = true,
        Usage = "/dashboard",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The dispatcher refuses non-moderators already; this keeps the handler safe when called directly.
        if (!request.Actor.IsModerator)
            return Reply.Refusal("Only moderators can use /dashboard.");
        if (links is null)
            return new Reply { Title = "Dashboard", Text = OffText, Visibility = ReplyVisibility.OnlyYou };
        var link = await links.IssueAsync(request.Actor, request.Community, cancellationToken).ConfigureAwait(false);
        if (link is null)
            return new Reply { Title = "Dashboard", Text = "The dashboard is still starting. Please try again in a moment.", Visibility = ReplyVisibility.OnlyYou };
        return new Reply
        {
            Title = "Dashboard",
            Text = $"Your sign-in link for this community's dashboard:\n{link.AbsoluteUri}",
            Footer = $"It works once and expires in {DashboardOptions.SignInLifetime.TotalMinutes:0} minutes. Do not share it.",
            Visibility = ReplyVisibility.OnlyYou,
        };
    }
}
