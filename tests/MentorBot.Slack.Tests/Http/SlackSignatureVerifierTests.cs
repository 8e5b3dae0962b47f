using System.Text;
using MentorBot.Slack.Http;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Slack.Tests.Http;

public sealed class SlackSignatureVerifierTests
{
    // Slack's documented example ("Verifying requests from Slack"), as recorded in protocols.md §8.
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static FakeTimeProvider ClockAt(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    [Fact]
    public void Slacks_documented_example_passes()
    {
        var verifier = new SlackSignatureVerifier(Secret, ClockAt(1531420618 + 30));
        Assert.True(verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Signing_reproduces_the_documented_signature()
    {
        Assert.Equal(Signature, SlackSignatureVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void A_changed_body_fails()
    {
        var verifier = new SlackSignatureVerifier(Secret, ClockAt(1531420618));
        Assert.False(verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body.Replace("roadrunner", "coyote", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void A_timestamp_more_than_five_minutes_away_fails(int skewSeconds)
    {
        var verifier = new SlackSignatureVerifier(Secret, ClockAt(1531420618 + skewSeconds));
        Assert.False(verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Five_minutes_exactly_still_passes()
    {
        var verifier = new SlackSignatureVerifier(Secret, ClockAt(1531420618 + 300));
        Assert.True(verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void A_wrong_secret_fails()
    {
        var verifier = new SlackSignatureVerifier("0000000000000000abcd99yyyzzz85a5", ClockAt(1531420618));
        Assert.False(verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(null, Signature)]
    [InlineData(Timestamp, null)]
    [InlineData("not-a-number", Signature)]
    [InlineData(Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(Timestamp, "v0=a2114d57")]
    public void Missing_or_malformed_headers_fail(string? timestamp, string? signature)
    {
        var verifier = new SlackSignatureVerifier(Secret, ClockAt(1531420618));
        Assert.False(verifier.Verify(timestamp, signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void An_empty_secret_never_verifies()
    {
        var verifier = new SlackSignatureVerifier("", ClockAt(1531420618));
        var body = Encoding.UTF8.GetBytes(Body);
        Assert.False(verifier.Verify(Timestamp, SlackSignatureVerifier.Sign("", Timestamp, body), body));
    }
}
