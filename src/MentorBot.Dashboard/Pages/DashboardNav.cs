namespace MentorBot.Dashboard.Pages;

/// <summary>
/// The navigation bar, in order. Adding a page: a Razor Page under <c>Pages/Dashboard/</c> whose model derives from
/// <see cref="DashboardPageModel"/>, and one line here.
/// </summary>
public static class DashboardNav
{
    public static IReadOnlyList<DashboardNavItem> Items { get; } =
    [
        new("Overview", "/Dashboard/Index"),
        new("Learners", "/Dashboard/Learners"),
        new("Challenges", "/Dashboard/Challenges"),
        new("Delivery", "/Dashboard/Delivery"),
        new("Questions", "/Dashboard/Questions"),
        new("Audit", "/Dashboard/Audit"),
    ];
}

/// <param name="Page">The Razor Page's path, e.g. <c>/Dashboard/Challenges</c>.</param>
public sealed record DashboardNavItem(string Title, string Page);
