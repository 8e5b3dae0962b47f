using System.Collections.Concurrent;
using MentorBot.Core.Health;

namespace MentorBot.Discord;

/// <summary>
/// Whether Discord can reach the bot: in Gateway mode while every shard this host runs has an established session
/// (READY or RESUMED seen and the connection not yet dropped); in Http mode once the interactions endpoint is mapped.
/// </summary>
public sealed class DiscordAdapterStatus : IAdapterStatus
{
    private const int HttpEndpoint = -1;
    private readonly ConcurrentDictionary<int, bool> _parts = new();

    public string Name => "discord";

    public bool Connected => !_parts.IsEmpty && _parts.Values.All(connected => connected);

    /// <summary>Http mode: the interactions endpoint is (or is no longer) mapped.</summary>
    public void Set(bool connected) => _parts[HttpEndpoint] = connected;

    /// <summary>Gateway mode: one shard's session is established or lost.</summary>
    public void SetShard(int shardId, bool connected) => _parts[shardId] = connected;
}
