namespace MentorBot.Host.Storage;

/// <summary>Where the host keeps its data, chosen by <c>Storage:Provider</c>.</summary>
internal enum StorageProvider
{
    /// <summary>One LiteDB file (<c>Storage:DatabasePath</c>): the default, for a single host.</summary>
    LiteDb,

    /// <summary>A PostgreSQL database (<c>Storage:ConnectionString</c>) that several hosts may share.</summary>
    Postgres,
}
