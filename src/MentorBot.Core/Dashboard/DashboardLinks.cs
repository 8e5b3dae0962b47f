using MentorBot.Core.Commands;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Dashboard;

/// <summary>Issues the single-use sign-in links <c>/dashboard</c> hands to moderators.</summary>
public sealed class DashboardLinks(IDashboardAddress address, DashboardSigningKey key, TimeProvider time)
{
    /// <summary>The path of the page a link opens; the token follows as <c>?token=</c>.</summary>
    public const string SignInPath = "/dashboard/signin";

    /// <summary>A link for <paramref name="actor"/> in <paramref name="community"/>, or null while the address is unknown.</summary>
    public async Task<Uri?> IssueAsync(Actor actor, CommunityId community, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (address.BaseUrl is not { } baseUrl)
            return null;
        var claims = new DashboardSignInClaims(
            DashboardTokens.NewTokenId(), community, actor.Id, actor.DisplayName, time.GetUtcNow() + DashboardOptions.SignInLifetime);
        var token = DashboardTokens.Issue(await key.GetAsync(cancellationToken).ConfigureAwait(false), claims);
        return new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + SignInPath + "?token=" + Uri.EscapeDataString(token));
    }
}
