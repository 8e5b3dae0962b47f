using MentorBot.Core.Identity;

namespace MentorBot.Core.Storage;

/// <summary>
/// Remembers the id of the direct-message channel a platform gave the bot for one learner, so an adapter does not ask
/// the platform to open it again after a restart (Slack's <c>conversations.open</c> is rate-limited, Discord's
/// <c>POST /users/@me/channels</c> is a round trip before every first DM).
/// </summary>
/// <remarks>
/// Contract for every implementation:
/// <list type="bullet">
/// <item>The key is the whole <see cref="LearnerId"/>: the same user id on two platforms is two entries. Platform user
/// ids never differ only in letter case (Slack's are upper-case, Discord's are digits), so an implementation may compare
/// keys case-insensitively, as LiteDB's default collation does. The value is an opaque, non-empty platform channel id
/// of at most 64 characters, stored and returned exactly as given.</item>
/// <item>It is a cache of the platform's truth: losing entries is harmless (the adapter opens the channel again), so
/// no transaction with other stores is needed, but a completed <see cref="SetAsync"/> must survive a process restart.</item>
/// <item>Calls may run concurrently from several threads; the last <see cref="SetAsync"/> for a learner wins.</item>
/// <item><see cref="RemoveAsync"/> removes the entry only while it still holds <c>channelId</c>, so dropping a channel
/// the platform reported gone cannot erase a newer id another caller has just stored.</item>
/// </list>
/// </remarks>
public interface IDirectChannelStore
{
    /// <summary>The stored DM channel id for <paramref name="learner"/>, or null if none is known.</summary>
    Task<string?> GetAsync(LearnerId learner, CancellationToken cancellationToken = default);

    /// <summary>Stores (creating or replacing) the DM channel id for <paramref name="learner"/>.</summary>
    Task SetAsync(LearnerId learner, string channelId, CancellationToken cancellationToken = default);

    /// <summary>Forgets the learner's DM channel if it is still <paramref name="channelId"/>; true if an entry was removed.</summary>
    Task<bool> RemoveAsync(LearnerId learner, string channelId, CancellationToken cancellationToken = default);
}
