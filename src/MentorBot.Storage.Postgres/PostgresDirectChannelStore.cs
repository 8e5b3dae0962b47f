using MentorBot.Core.Identity;
using MentorBot.Core.Storage;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// DM channel ids in <c>dm_channels</c>, one per learner. Keys compare exactly ("C" collation), which the contract
/// allows. Remove is one conditional DELETE, so a newer id stored by another host meanwhile survives.
/// </summary>
public sealed class PostgresDirectChannelStore(PostgresStorage storage) : IDirectChannelStore
{
    /// <summary>The contract's bound on a channel id, also enforced by the column's check constraint.</summary>
    public const int MaxChannelIdLength = 64;

    public async Task<string?> GetAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        var rows = await storage.DataSource.QueryAsync("SELECT channel_id FROM dm_channels WHERE learner = $1", r => r.GetString(0), cancellationToken, learner.ToString())
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task SetAsync(LearnerId learner, string channelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channelId.Length, MaxChannelIdLength, nameof(channelId));
        return storage.DataSource.ExecuteAsync(
            "INSERT INTO dm_channels (learner, channel_id) VALUES ($1, $2) ON CONFLICT (learner) DO UPDATE SET channel_id = excluded.channel_id",
            cancellationToken, learner.ToString(), channelId);
    }

    public async Task<bool> RemoveAsync(LearnerId learner, string channelId, CancellationToken cancellationToken = default) =>
        await storage.DataSource.ExecuteAsync(
            "DELETE FROM dm_channels WHERE learner = $1 AND channel_id = $2", cancellationToken, learner.ToString(), channelId).ConfigureAwait(false) == 1;
}
