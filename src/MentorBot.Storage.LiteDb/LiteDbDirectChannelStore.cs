using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb.Documents;

namespace MentorBot.Storage.LiteDb;

/// <summary>DM channel ids in the <c>dm_channels</c> collection, keyed by the learner id string.</summary>
public sealed class LiteDbDirectChannelStore(LiteDbContext context) : IDirectChannelStore
{
    internal const string ChannelsCollection = "dm_channels";

    /// <summary>Longer than any platform's channel id; the contract's bound, so every provider can size its column.</summary>
    public const int MaxChannelIdLength = 64;

    public Task<string?> GetAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Channels().FindById(learner.ToString())?.ChannelId);
    }

    public Task SetAsync(LearnerId learner, string channelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channelId.Length, MaxChannelIdLength, nameof(channelId));
        cancellationToken.ThrowIfCancellationRequested();
        lock (context.WriteLock)
            Channels().Upsert(new DirectChannelDocument { Id = learner.ToString(), ChannelId = channelId });
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(LearnerId learner, string channelId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = learner.ToString();
        // Compare and delete as one step, so a newer id stored meanwhile by another sender survives.
        lock (context.WriteLock)
        {
            var channels = Channels();
            var document = channels.FindById(id);
            return Task.FromResult(document is not null && string.Equals(document.ChannelId, channelId, StringComparison.Ordinal) && channels.Delete(id));
        }
    }

    private LiteDB.ILiteCollection<DirectChannelDocument> Channels() =>
        context.Database.GetCollection<DirectChannelDocument>(ChannelsCollection);
}
