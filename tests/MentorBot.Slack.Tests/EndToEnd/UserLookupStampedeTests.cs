using System.Net;
using MentorBot.Slack.Tests.Fakes;

namespace MentorBot.Slack.Tests.EndToEnd;

/// <summary>
/// One learner's burst of commands costs one <c>users.info</c> call: lookups of the same user that overlap share the
/// call in flight instead of each spending the method's budget (Tier 4, about 100 a minute).
/// </summary>
public sealed class UserLookupStampedeTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _slack.Users["U0BURST"] = new FakeSlackUser("U0BURST", "ada", "Europe/Berlin");
        // A slow answer keeps the first lookup in flight while the others arrive.
        _slack.Latency["users.info"] = TimeSpan.FromMilliseconds(500);
        _host = await RunningHost.StartAsync(_slack, SlackMode.Http);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task A_hundred_concurrent_commands_from_one_user_make_one_users_info_call()
    {
        var commands = Enumerable.Range(0, 100)
            .Select(_ => _host.PostSignedAsync("/slack/commands", SlashForm.Form("/faq", "do I need a degree", "U0BURST", _slack.NewResponseUrl())))
            .ToList();
        var responses = await Task.WhenAll(commands);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
            response.Dispose();
        Assert.Equal(1, _slack.Calls.Count(c => c.Method == "users.info"));
    }
}
