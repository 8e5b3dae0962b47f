using MentorBot.Core.Commands;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MentorBot.Dashboard.Pages;

/// <summary>
/// The base of every page behind sign-in. <see cref="DashboardSessionFilter"/> fills <see cref="SignedIn"/> before any
/// handler runs, and answers 401 itself when there is no live session. <see cref="Community"/> is the only source of
/// the community a page may read or change: never a query string or form field.
/// </summary>
public abstract class DashboardPageModel : PageModel
{
    private DashboardSession? _session;

    /// <summary>The signed-in moderator's session.</summary>
    public DashboardSession SignedIn => _session ?? throw new InvalidOperationException("The session filter runs before any page handler.");

    /// <summary>The one community this session may see and change.</summary>
    public CommunityId Community => SignedIn.Community;

    /// <summary>The moderator as the core's commands see them; a session is only ever given to a moderator.</summary>
    public Actor Moderator => new(SignedIn.Moderator, SignedIn.DisplayName, IsModerator: true);

    internal void Attach(DashboardSession session) => _session = session;
}
