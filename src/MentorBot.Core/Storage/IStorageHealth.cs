namespace MentorBot.Core.Storage;

/// <summary>Lets the host report whether storage answers and which schema it holds.</summary>
public interface IStorageHealth
{
    int SchemaVersion { get; }

    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
