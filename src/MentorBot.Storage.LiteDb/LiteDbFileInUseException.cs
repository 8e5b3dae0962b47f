namespace MentorBot.Storage.LiteDb;

/// <summary>The LiteDB file is held by another MentorBot process (its lock file is locked).</summary>
public sealed class LiteDbFileInUseException : IOException
{
    public LiteDbFileInUseException(string databasePath, string lockPath, Exception innerException)
        : base($"another MentorBot process holds the LiteDB file '{databasePath}' (its lock file '{lockPath}' is locked). " +
               "Stop that process first; to run several hosts on one database, use Storage:Provider=Postgres.", innerException)
    {
        DatabasePath = databasePath;
        LockPath = lockPath;
    }

    public string DatabasePath { get; }

    public string LockPath { get; }
}
