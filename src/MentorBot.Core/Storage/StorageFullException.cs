namespace MentorBot.Core.Storage;

/// <summary>
/// A write was refused because the disk under the storage is full; nothing of that write was stored. Reads keep
/// working, and writes work again once there is space. Commands turn it into a refusal saying so.
/// </summary>
public sealed class StorageFullException : IOException
{
    public StorageFullException()
        : this("Storage is full, nothing was saved.")
    {
    }

    public StorageFullException(string message)
        : base(message)
    {
    }

    public StorageFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
