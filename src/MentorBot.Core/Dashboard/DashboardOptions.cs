namespace MentorBot.Core.Dashboard;

/// <summary>The moderators' web dashboard (<c>Dashboard:*</c>).</summary>
public sealed record DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>How long a sign-in link from <c>/dashboard</c> can be opened.</summary>
    public static readonly TimeSpan SignInLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How long a session lasts after sign-in; it is not extended by use.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// The address people reach this host at (<c>https://bot.example.org</c>); sign-in links are built on it. Unset, the
    /// dashboard is off, except on a console-only host, which links to its own loopback address.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>
    /// The HMAC-SHA256 key that signs sign-in links (at least 32 characters). A secret. Unset, a random key is created
    /// once and kept in storage, so every host on one database signs and checks alike.
    /// </summary>
    public string? SigningKey { get; init; }

    /// <summary>Sign-in requests (opening a link, continuing) one client address may make per minute.</summary>
    public int SignInPermitsPerMinute { get; init; } = 10;

    /// <summary>The reverse proxies whose forwarded client address and scheme are believed; none by default.</summary>
    public DashboardForwardedHeaders ForwardedHeaders { get; init; } = new();

    /// <summary>What the Questions page lists.</summary>
    public DashboardQuestionsOptions Questions { get; init; } = new();

    /// <summary>A problem with the settings, naming the key; null when they are usable.</summary>
    public string? Problem()
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)))
            return $"Dashboard:PublicBaseUrl must be an absolute http:// or https:// address without a query, e.g. https://bot.example.org, not '{PublicBaseUrl}'.";
        if (SigningKey is not null && SigningKey.Trim().Length < 32)
            return "Dashboard:SigningKey must be at least 32 characters long (or unset, to use a random key kept in storage).";
        if (SignInPermitsPerMinute is < 1 or > 10_000)
            return "Dashboard:SignInPermitsPerMinute must be between 1 and 10000.";
        return ForwardedHeaders.Problem() ?? Questions.Problem();
    }
}
