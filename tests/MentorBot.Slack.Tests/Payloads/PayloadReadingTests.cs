using System.Text;
using System.Text.Json;
using MentorBot.Slack.Payloads;

namespace MentorBot.Slack.Tests.Payloads;

/// <summary>
/// How the typed payloads read what Slack (or anyone who can sign) sends: a field of another shape is absent, as Slack
/// reuses names across event types; a body that is not an object, or holds text that is not valid UTF-8, is unreadable.
/// </summary>
public sealed class PayloadReadingTests
{
    private static EventCallback? Event(string json) => SlackPayloads.TryRead(Encoding.UTF8.GetBytes(json), SlackJson.Default.EventCallback);

    private static InteractionPayload? Click(string json) => SlackPayloads.TryRead(Encoding.UTF8.GetBytes(json), SlackJson.Default.InteractionPayload);

    [Fact]
    public void A_mention_reads_into_its_fields()
    {
        var callback = Event("""{"type":"event_callback","event_id":"Ev1","team_id":"T1","event":{"type":"app_mention","user":"U1","channel":"C1","text":"<@U0BOT> hi","thread_ts":"1.2","extra":[1,{"a":null}]}}""");

        Assert.NotNull(callback);
        Assert.Equal(("event_callback", "Ev1", "T1"), (callback.Type, callback.EventId, callback.TeamId));
        Assert.Equal(new SlackEvent { Type = "app_mention", User = "U1", Channel = "C1", Text = "<@U0BOT> hi", ThreadTs = "1.2" }, callback.Event);
    }

    [Theory]
    [InlineData("""{"type":"event_callback","event_id":3,"event":{"type":"user_change","user":{"id":"U1"},"channel":{"id":"C1"}}}""")]
    [InlineData("""{"type":"event_callback","event_id":null,"event":{"type":"message","user":["U1"],"channel":true,"text":{"t":1}}}""")]
    public void Fields_of_another_shape_read_as_absent(string json)
    {
        var callback = Event(json);

        Assert.NotNull(callback);
        Assert.Null(callback.EventId);
        Assert.NotNull(callback.Event);
        Assert.Null(callback.Event.User);
        Assert.Null(callback.Event.Channel);
        Assert.Null(callback.Event.Text);
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("3")]
    [InlineData("[1]")]
    [InlineData("null")]
    public void An_event_that_is_not_an_object_is_absent(string value)
    {
        var callback = Event("""{"type":"event_callback","event":""" + value + "}");

        Assert.NotNull(callback);
        Assert.Null(callback.Event);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("null")]
    [InlineData("1")]
    [InlineData("{")]
    [InlineData("""{"type":"event_callback","event":{"text":"\ud800"}}""")]
    [InlineData("""{"type":"\udfff"}""")]
    public void A_body_that_is_not_a_readable_object_is_unreadable(string json)
    {
        Assert.Null(Event(json));
    }

    [Fact]
    public void Invalid_utf8_anywhere_makes_the_body_unreadable_even_in_a_field_the_bot_ignores()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"event_callback","ignored":"?"}""");
        body[Array.IndexOf(body, (byte)'?')] = 0xFF;

        Assert.Null(SlackPayloads.TryRead(body, SlackJson.Default.EventCallback));
    }

    [Fact]
    public void A_click_reads_its_user_team_channel_and_actions_and_skips_actions_that_are_not_objects()
    {
        var click = Click("""{"type":"block_actions","user":{"id":"U1","username":"ada","team_id":"T1"},"team":null,"channel":{"id":"C1","name":"general"},"response_url":"https://hooks.slack.com/x","actions":["odd",{"action_id":"a0","value":"v"},7]}""");

        Assert.NotNull(click);
        Assert.Equal("U1", click.User?.Id);
        Assert.Equal("ada", click.User?.Username);
        Assert.Equal("T1", click.User?.TeamId);
        Assert.Null(click.Team);
        Assert.Equal("C1", click.Channel?.Id);
        Assert.Equal("https://hooks.slack.com/x", click.ResponseUrl);
        Assert.Equal(new BlockAction { ActionId = "a0", Value = "v" }, Assert.Single(click.Actions));
    }

    [Theory]
    [InlineData("""{"type":"block_actions","actions":"click","user":"U1","team":5}""")]
    [InlineData("""{"type":"block_actions","actions":null}""")]
    [InlineData("""{"type":"block_actions"}""")]
    public void A_click_with_actions_or_user_of_another_shape_reads_with_them_absent(string json)
    {
        var click = Click(json);

        Assert.NotNull(click);
        Assert.Empty(click.Actions);
        Assert.Null(click.User);
        Assert.Null(click.Team);
    }

    [Fact]
    public void A_socket_mode_envelope_keeps_its_payload_for_the_type_to_decide()
    {
        using var frame = JsonDocument.Parse("""{"envelope_id":"E1","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/faq","user_id":"U1","text":"hi","response_url":"https://hooks.slack.com/r"}}""");

        var envelope = SlackPayloads.TryRead(frame.RootElement, SlackJson.Default.SocketModeEnvelope);
        var payload = SlackPayloads.TryRead(envelope!.Payload, SlackJson.Default.SlashCommandPayload);

        Assert.Equal(("E1", "slash_commands", true), (envelope.EnvelopeId, envelope.Type, envelope.AcceptsResponsePayload));
        var command = payload!.ToCommand();
        Assert.Equal(("/faq", "U1", "hi", ""), (command.Command, command.UserId, command.Text, command.TeamId));
        Assert.Equal(new Uri("https://hooks.slack.com/r"), command.ResponseUrl);
    }

    [Theory]
    [InlineData("""{"envelope_id":5,"type":"slash_commands"}""")]
    [InlineData("""{"envelope_id":{"id":"E1"}}""")]
    public void An_envelope_id_of_another_shape_is_absent(string json)
    {
        using var frame = JsonDocument.Parse(json);

        Assert.Null(SlackPayloads.TryRead(frame.RootElement, SlackJson.Default.SocketModeEnvelope)?.EnvelopeId);
    }

    [Fact]
    public void A_payload_that_is_not_an_object_is_unreadable()
    {
        using var frame = JsonDocument.Parse("""{"envelope_id":"E1","type":"slash_commands","payload":"x"}""");

        var envelope = SlackPayloads.TryRead(frame.RootElement, SlackJson.Default.SocketModeEnvelope);

        Assert.Null(SlackPayloads.TryRead(envelope!.Payload, SlackJson.Default.SlashCommandPayload));
    }
}
