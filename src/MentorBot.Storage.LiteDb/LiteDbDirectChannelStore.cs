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

    private readonly object _queueGate = new();
    private List<PendingWrite> _queue = [];
    private bool _writing;

    public Task<string?> GetAsync(LearnerId learner, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Channels().FindById(learner.ToString())?.ChannelId);
    }

    /// <remarks>
    /// Group commit: every LiteDB transaction is a flush (about 10 ms on a plain disk), and a weekly run opens thousands
    /// of DMs at once, so concurrent calls are written together. The first caller writes everything queued, in arrival
    /// order, one transaction per round, until the queue is empty; each call completes only once its own entry is on disk.
    /// </remarks>
    public Task SetAsync(LearnerId learner, string channelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channelId.Length, MaxChannelIdLength, nameof(channelId));
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite(new DirectChannelDocument { Id = learner.ToString(), ChannelId = channelId });
        bool leader;
        lock (_queueGate)
        {
            _queue.Add(write);
            leader = !_writing;
            _writing = true;
        }

        if (leader)
            WriteQueued();
        return write.Done.Task;
    }

    private void WriteQueued()
    {
        while (true)
        {
            List<PendingWrite> batch;
            lock (_queueGate)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _queue;
                _queue = [];
            }

            try
            {
                lock (context.WriteLock)
                    Channels().Upsert(batch.Select(w => w.Document));
                foreach (var write in batch)
                    write.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                foreach (var write in batch)
                    write.Done.TrySetException(ex);
            }
        }
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

    private sealed record PendingWrite(DirectChannelDocument Document)
    {
        // Continuations must not run inside the writer's loop, where they would hold up the next round.
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
