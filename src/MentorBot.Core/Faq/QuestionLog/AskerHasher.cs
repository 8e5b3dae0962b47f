using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MentorBot.Core.Identity;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// Turns a learner into the question log's asker (and voter) hash: HMAC-SHA256 keyed with the community's random
/// 32-byte salt over "platform:user", base64url. Unique askers can be counted, but the hash cannot be reversed or
/// matched against another community's without the salts, which stay in the database.
/// </summary>
public sealed class AskerHasher(IQuestionLog log)
{
    public const int SaltLength = 32;

    /// <summary>How many learners' hashes are remembered; past that the memory starts over.</summary>
    public const int MaxRemembered = 10_000;

    // Salts never change once stored, so each is read from storage once per process.
    private readonly ConcurrentDictionary<CommunityId, byte[]> _salts = new();

    // A hash never changes either, and computing one (about 3 µs) was a large part of writing a logged question.
    private readonly ConcurrentDictionary<(CommunityId Community, LearnerId Learner), string> _hashes = new();

    public async Task<string> HashAsync(CommunityId community, LearnerId learner, CancellationToken cancellationToken = default)
    {
        if (_hashes.TryGetValue((community, learner), out var remembered))
            return remembered;
        if (!_salts.TryGetValue(community, out var salt))
        {
            salt = await log.GetOrAddSaltAsync(community, RandomNumberGenerator.GetBytes(SaltLength), cancellationToken).ConfigureAwait(false);
            if (salt.Length != SaltLength)
                throw new InvalidOperationException($"The question log's salt for {community} is {salt.Length} bytes, not {SaltLength}.");
            salt = _salts.GetOrAdd(community, salt);
        }
        var hash = Hash(salt, learner);
        if (_hashes.Count >= MaxRemembered)
            _hashes.Clear();
        _hashes[(community, learner)] = hash;
        return hash;
    }

    public static string Hash(byte[] salt, LearnerId learner) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(learner.Platform + ":" + learner.UserId)));
}
