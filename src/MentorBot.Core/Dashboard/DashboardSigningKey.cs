using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MentorBot.Core.Dashboard;

/// <summary>
/// The key sign-in links are signed with: <c>Dashboard:SigningKey</c> when set, otherwise a random 256-bit key created
/// by the first host to need one and kept in storage, so hosts sharing a database accept each other's links.
/// </summary>
public sealed class DashboardSigningKey(IOptions<DashboardOptions> options, IDashboardStore store)
{
    private byte[]? _key;

    public async ValueTask<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _key) is { } known)
            return known;
        var configured = options.Value.SigningKey;
        // Two first callers racing both ask storage, which hands both the one stored key; a failed read is not cached.
        var key = string.IsNullOrWhiteSpace(configured)
            ? await store.GetOrAddSigningKeyAsync(RandomNumberGenerator.GetBytes(32), cancellationToken).ConfigureAwait(false)
            : Encoding.UTF8.GetBytes(configured.Trim());
        Volatile.Write(ref _key, key);
        return key;
    }
}
