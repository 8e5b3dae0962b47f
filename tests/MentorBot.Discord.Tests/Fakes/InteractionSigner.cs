using System.Text;
using NSec.Cryptography;

namespace MentorBot.Discord.Tests.Fakes;

/// <summary>Signs interaction bodies the way Discord does: Ed25519 over timestamp + raw body, hex encoded.</summary>
public sealed class InteractionSigner : IDisposable
{
    /// <summary>The RFC 8032 §7.1 TEST 1 seed, as used for the vector in protocols.md.</summary>
    public const string Rfc8032Test1Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    private readonly Key _key;

    public InteractionSigner(string seedHex = Rfc8032Test1Seed)
    {
        _key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(seedHex), KeyBlobFormat.RawPrivateKey);
    }

    public static InteractionSigner Random()
    {
        var seed = new byte[32];
        System.Security.Cryptography.RandomNumberGenerator.Fill(seed);
        return new InteractionSigner(Convert.ToHexString(seed));
    }

    public string PublicKeyHex => Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant();

    public string Sign(string timestamp, string body) => Sign(timestamp, Encoding.UTF8.GetBytes(body));

    /// <summary>Signs raw bytes, which need not be valid UTF-8.</summary>
    public string Sign(string timestamp, byte[] body) =>
        Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body])).ToLowerInvariant();

    public void Dispose() => _key.Dispose();
}
