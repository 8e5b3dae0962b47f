using MentorBot.Slack.Tests.Fakes;

namespace MentorBot.Slack.Tests.SocketMode;

/// <summary>
/// A fake Slack and the whole host connected to it in Socket Mode, with one known learner (U0LEARNER, "ada"), started
/// before each test of a deriving class and stopped after it.
/// </summary>
public abstract class SocketModeHostTest : IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    protected FakeSlack SlackServer { get; private set; } = null!;

    protected RunningHost BotHost { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        SlackServer = await FakeSlack.StartAsync();
        SlackServer.Users["U0LEARNER"] = new FakeSlackUser("U0LEARNER", "ada");
        BotHost = await RunningHost.StartAsync(SlackServer, SlackMode.SocketMode);
        await SlackServer.WaitForConnectionsAsync(1, Wait, "the adapter to connect");
    }

    public async Task DisposeAsync()
    {
        await BotHost.DisposeAsync();
        await SlackServer.DisposeAsync();
    }
}
