using MentorBot.Core.Storage;
using MentorBot.Host.Console;
using MentorBot.Host.Tests.Support;
using MentorBot.Core.Challenges;

namespace MentorBot.Host.Tests;

/// <summary><c>Console:IsModerator</c> lets the console try the paths of a learner who is not a moderator.</summary>
public sealed class ConsoleModeratorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_console_user_who_is_not_a_moderator_is_refused_challenge_post_and_nothing_is_stored()
    {
        await using var host = await ConsoleHost.StartAsync(
            _temp.DatabasePath, new Dictionary<string, string?> { ["Console:IsModerator"] = "false" });

        var reply = await host.SendAsync("/challenge post title:Todo API description:Build it due:2099-12-31");

        Assert.Contains("Only moderators", reply, StringComparison.Ordinal);
        Assert.Empty(await host.Service<IChallengeStore>().ListAsync(ConsoleAdapter.Community, includeClosed: true));
    }

    [Fact]
    public async Task The_console_user_is_a_moderator_by_default()
    {
        await using var host = await ConsoleHost.StartAsync(_temp.DatabasePath);

        var reply = await host.SendAsync("/challenge post title:Todo API description:Build it due:2099-12-31");

        Assert.StartsWith("New challenge #1: Todo API", reply, StringComparison.Ordinal);
        // Issue 15: /help printed its usages in raw backticks on the console.
        var help = await host.SendAsync("/help");
        Assert.Contains("- /faq [question] — ", help, StringComparison.Ordinal);
        Assert.DoesNotContain("`", help, StringComparison.Ordinal);
    }
}
