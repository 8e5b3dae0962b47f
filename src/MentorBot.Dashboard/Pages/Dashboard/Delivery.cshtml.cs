using MentorBot.Core.Commands;

namespace MentorBot.Dashboard.Pages.Dashboard;

/// <summary>The next deliveries and the recent log: the core's <c>/schedule preview</c> and <c>/schedule log</c>, shown as HTML.</summary>
public sealed class DeliveryModel(CommandDispatcher dispatcher) : DashboardPageModel
{
    public Reply Preview { get; private set; } = null!;

    public Reply Log { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Preview = await ScheduleAsync("preview").ConfigureAwait(false);
        Log = await ScheduleAsync("log").ConfigureAwait(false);
    }

    private Task<Reply> ScheduleAsync(string subcommand) =>
        dispatcher.DispatchAsync(new CommandRequest("schedule", new Dictionary<string, string>(), Moderator, Community) { Subcommand = subcommand }, HttpContext.RequestAborted);
}
