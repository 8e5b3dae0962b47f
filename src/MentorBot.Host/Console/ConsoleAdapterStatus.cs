using MentorBot.Core.Health;

namespace MentorBot.Host.Console;

/// <summary>The console is connected for as long as the adapter runs: from start until end of input or shutdown.</summary>
internal sealed class ConsoleAdapterStatus : IAdapterStatus
{
    private volatile bool _connected;

    public string Name => "console";

    public bool Connected => _connected;

    public void Set(bool connected) => _connected = connected;
}
