namespace MentorBot.Testing.Hosting;

/// <summary>The signals a host is stopped with, by their Linux numbers.</summary>
public enum UnixSignal
{
    /// <summary>Ctrl-C in a terminal.</summary>
    Interrupt = 2,

    /// <summary>What <c>docker stop</c> and systemd send first.</summary>
    Terminate = 15,
}
