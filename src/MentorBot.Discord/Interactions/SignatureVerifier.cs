using System.Buffers;
using System.Text;
using NSec.Cryptography;

namespace MentorBot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature over <c>X-Signature-Timestamp</c> + raw body with the application's public key.
/// Discord deliberately sends bad signatures to test endpoints and drops the URL of any that accept them.
/// </summary>
public sealed class SignatureVerifier
{
    private readonly PublicKey _key;

    public SignatureVerifier(string publicKeyHex)
    {
        _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
    }

    public bool Verify(string? timestamp, string? signatureHex, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || signatureHex is not { Length: 128 })
            return false;
        Span<byte> signature = stackalloc byte[64];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != 64)
            return false;
        var stampLength = Encoding.UTF8.GetByteCount(timestamp);
        // Ed25519 signs one contiguous message; a pooled buffer spares every request a body-sized allocation.
        var message = ArrayPool<byte>.Shared.Rent(stampLength + body.Length);
        try
        {
            Encoding.UTF8.GetBytes(timestamp, message);
            body.CopyTo(message.AsSpan(stampLength));
            return SignatureAlgorithm.Ed25519.Verify(_key, message.AsSpan(0, stampLength + body.Length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }
}
