namespace MentorBot.Core.Storage;

/// <summary>Lets the host report whether storage answers and which schema it holds.</summary>
public interface IStorageHealth
{
    int SchemaVersion { get; }

    /// <summary>
    /// True while writes are refused for lack of disk space (reads still answer). <see cref="PingAsync"/> tries a write
    /// when it is set, so it clears as soon as there is space again.
    /// </summary>
    bool Full { get; }

    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
