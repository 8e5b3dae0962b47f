using System.Text.Json;
using MentorBot.Slack.Tests.Fakes;
using MentorBot.Slack.WebApi;

namespace MentorBot.Slack.Tests.WebApi;

/// <summary>
/// Web API answers of shapes Slack does not send (a proxy's JSON, a truncated or hand-made answer): each becomes a
/// <see cref="JsonException"/> or a <see cref="SlackApiException"/>, the two failures every caller handles, and never
/// another exception that would escape them (auth.test's, for one, would stop the host).
/// </summary>
public sealed class OddAnswerTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Theory]
    [InlineData("[]")]
    [InlineData("\"ok\"")]
    [InlineData("null")]
    [InlineData("42")]
    public async Task An_answer_that_is_not_an_object_is_a_json_exception(string body)
    {
        _slack.FailNext("auth.test", new FakeSlackFailure("", RawBody: body));
        var client = ApiClientFactory.Create(_slack);

        await Assert.ThrowsAsync<JsonException>(() => client.AuthTestAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"ok":"true"}""")]
    [InlineData("""{"ok":false,"error":7}""")]
    [InlineData("""{"error":"invalid_auth"}""")]
    public async Task An_ok_that_is_not_true_is_a_slack_api_error(string body)
    {
        _slack.FailNext("auth.test", new FakeSlackFailure("", RawBody: body));
        var client = ApiClientFactory.Create(_slack);

        await Assert.ThrowsAsync<SlackApiException>(() => client.AuthTestAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"ok":true,"user":"U0ADA"}""")]
    [InlineData("""{"ok":true,"user":null}""")]
    [InlineData("""{"ok":true}""")]
    public async Task Users_info_without_a_user_object_is_a_slack_api_error(string body)
    {
        _slack.FailNext("users.info", new FakeSlackFailure("", RawBody: body));
        var client = ApiClientFactory.Create(_slack);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => client.GetUserAsync("U0ADA", CancellationToken.None));

        Assert.Equal("missing_user_in_response", ex.Error);
    }

    [Fact]
    public async Task Users_info_flags_and_names_of_other_shapes_read_as_absent()
    {
        _slack.FailNext("users.info", new FakeSlackFailure("", RawBody: """{"ok":true,"user":{"id":"U0ADA","name":5,"tz":{"x":1},"is_admin":"yes","is_owner":true,"profile":"ada"}}"""));
        var client = ApiClientFactory.Create(_slack);

        var user = await client.GetUserAsync("U0ADA", CancellationToken.None);

        Assert.Equal(("U0ADA", "U0ADA", null, null, false, true), (user.Id, user.Name, user.DisplayName, user.TimeZone, user.IsAdmin, user.IsOwner));
    }
}
