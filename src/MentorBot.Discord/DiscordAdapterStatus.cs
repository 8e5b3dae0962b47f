using MentorBot.Core.Health;

namespace MentorBot.Discord;

/// <summary>
/// Whether Discord can reach the bot: in Gateway mode while a session is established (READY or RESUMED seen and the
/// connection not yet dropped); in Http mode once the interactions endpoint is mapped.
/// </summary>
public sealed class DiscordAdapterStatus : IAdapterStatus
{
    private volatile bool _connected;

    public string Name => "discord";

    public bool Connected => _connected;

    public void Set(bool connected) => _connected = connected;
}
