namespace MentorBot.Dashboard.Pages.Dashboard;

public sealed class IndexModel : DashboardPageModel
{
    public void OnGet()
    {
    }
}
