using System.Text;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Tests.Dashboard;

public sealed class DashboardTokensTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a signing key of at least thirty-two characters");
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DashboardSignInClaims Claims = new(
        "0123456789abcdef0123456789abcdef", new CommunityId("discord", "1234"), new LearnerId("discord", "42"), "Ada\nLovelace <b>", Now.AddMinutes(10));

    [Fact]
    public void A_token_verifies_with_its_key_and_gives_back_every_claim()
    {
        var token = DashboardTokens.Issue(Key, Claims);

        Assert.Equal(DashboardTokenStatus.Valid, DashboardTokens.Verify(Key, token, Now, out var claims));
        Assert.Equal(Claims, claims);
    }

    [Fact]
    public void A_token_is_valid_until_its_expiry_and_not_at_it()
    {
        var token = DashboardTokens.Issue(Key, Claims);

        Assert.Equal(DashboardTokenStatus.Valid, DashboardTokens.Verify(Key, token, Now.AddMinutes(10).AddTicks(-1), out _));
        Assert.Equal(DashboardTokenStatus.Expired, DashboardTokens.Verify(Key, token, Now.AddMinutes(10), out var claims));
        Assert.Null(claims);
    }

    [Fact]
    public void Another_key_or_a_changed_payload_or_signature_is_invalid()
    {
        var token = DashboardTokens.Issue(Key, Claims);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        // The same claims for another community, signed with the wrong key, and spliced onto the real signature.
        var otherCommunity = DashboardTokens.Issue(Key, Claims with { Community = new CommunityId("discord", "9999") });
        var spliced = otherCommunity[..otherCommunity.IndexOf('.', StringComparison.Ordinal)] + token[dot..];
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        Assert.Equal(DashboardTokenStatus.Invalid, DashboardTokens.Verify(Encoding.UTF8.GetBytes("another key, also thirty-two characters long"), token, Now, out _));
        Assert.Equal(DashboardTokenStatus.Invalid, DashboardTokens.Verify(Key, spliced, Now, out _));
        Assert.Equal(DashboardTokenStatus.Invalid, DashboardTokens.Verify(Key, flipped, Now, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("abc.")]
    [InlineData(".abc")]
    [InlineData("!!!.???")]
    [InlineData("a.b.c")]
    public void Garbage_is_invalid_and_does_not_throw(string? token)
    {
        Assert.Equal(DashboardTokenStatus.Invalid, DashboardTokens.Verify(Key, token, Now, out _));
    }

    [Fact]
    public void A_token_longer_than_the_limit_is_not_decoded()
    {
        Assert.Equal(DashboardTokenStatus.Invalid, DashboardTokens.Verify(Key, new string('A', DashboardTokens.MaxTokenLength + 1), Now, out _));
    }

    [Fact]
    public void Ids_that_are_not_platform_ids_are_never_signed()
    {
        Assert.Throws<ArgumentException>(() => DashboardTokens.Issue(Key, Claims with { Community = new CommunityId("discord", "12\n34") }));
        Assert.Throws<ArgumentException>(() => DashboardTokens.Issue(Key, Claims with { Moderator = new LearnerId("slack", "42") }));
    }
}
