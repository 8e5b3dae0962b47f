using System.Text.Json.Nodes;
using MentorBot.Slack.Tests.Fakes;

namespace MentorBot.Slack.Tests.SocketMode;

/// <summary>
/// Envelopes of shapes Slack does not send, through the real host in Socket Mode: an envelope whose id cannot be read is
/// dropped and the connection keeps serving. (How payloads of odd shapes read: PayloadReadingTests.)
/// </summary>
public sealed class HostileEnvelopeTests : SocketModeHostTest
{
    [Theory]
    [InlineData("a number")]
    [InlineData("an object")]
    [InlineData("empty")]
    public async Task An_envelope_id_that_is_not_a_string_is_ignored_and_the_connection_keeps_serving(string shape)
    {
        JsonNode? id = shape switch
        {
            "a number" => 5,
            "an object" => new JsonObject { ["id"] = "x" },
            _ => "",
        };
        await SlackServer.SendRawFrameAsync(new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = "slash_commands",
            ["payload"] = SlashForm.Json("/checkin", "", "U0LEARNER", SlackServer.NewResponseUrl()),
        });

        // Handled on the same connection, after the bad frame: frames are read in order.
        var envelope = await SlackServer.SendEnvelopeAsync("slash_commands", SlashForm.Json("/help", "", "U0LEARNER", SlackServer.NewResponseUrl()), acceptsResponsePayload: true);
        await envelope.FirstAck.WaitAsync(Wait);

        Assert.Equal(1, SlackServer.ConnectionsOpened);
        Assert.Equal(0, envelope.Attempts);
    }
}
