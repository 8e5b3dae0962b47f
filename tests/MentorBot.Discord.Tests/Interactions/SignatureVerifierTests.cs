using System.Text;
using MentorBot.Discord.Interactions;
using MentorBot.Discord.Tests.Fakes;

namespace MentorBot.Discord.Tests.Interactions;

public sealed class SignatureVerifierTests
{
    // The vector from protocols.md §3, verified there with Python, node, discord-interactions and BouncyCastle.
    private const string PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Timestamp = "1700000000";
    private const string Body = """{"application_id":"123456789012345678","id":"787053080478613555","token":"ThisIsATokenFromDiscordThatIsVeryLong","type":1,"version":1}""";
    private const string Signature = "f8300a1b632dcd33c403ecb64bdd1dc16b29dd2eabb11d80e342d3a326c5a7dd02f94fa476e36e9348ff2a33f0cd6d6693333caa92ca3e64b14cff6d6343b70c";

    private readonly SignatureVerifier _verifier = new(PublicKey);

    [Fact]
    public void Rfc8032_test1_vector_verifies()
    {
        Assert.True(_verifier.Verify(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Signer_with_the_rfc_seed_reproduces_the_vector()
    {
        using var signer = new InteractionSigner();
        Assert.Equal(PublicKey, signer.PublicKeyHex);
        Assert.Equal(Signature, signer.Sign(Timestamp, Body));
    }

    [Fact]
    public void Flipped_bit_in_body_fails()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        body[10] ^= 1;
        Assert.False(_verifier.Verify(Timestamp, Signature, body));
    }

    [Fact]
    public void Flipped_bit_in_timestamp_fails()
    {
        Assert.False(_verifier.Verify("1700000001", Signature, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(127)]
    public void Flipped_bit_in_signature_fails(int hexIndex)
    {
        var chars = Signature.ToCharArray();
        chars[hexIndex] = (char)(Convert.ToInt32(chars[hexIndex].ToString(), 16) ^ 1).ToString("x", System.Globalization.CultureInfo.InvariantCulture)[0];
        Assert.False(_verifier.Verify(Timestamp, new string(chars), Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData(null, Signature)]
    [InlineData("", Signature)]
    [InlineData(Timestamp, null)]
    [InlineData(Timestamp, "")]
    [InlineData(Timestamp, "zz")]
    [InlineData(Timestamp, "not hex at all but exactly one hundred and twenty eight characters long, which is what a signature needs....")]
    public void Missing_or_malformed_headers_fail(string? timestamp, string? signature)
    {
        Assert.False(_verifier.Verify(timestamp, signature, Encoding.UTF8.GetBytes(Body)));
    }
}
