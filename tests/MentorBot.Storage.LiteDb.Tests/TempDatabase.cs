using MentorBot.Storage.LiteDb;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>A real database file in its own fresh directory under the temp path; deleted on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "mentorbot-storage-tests", Guid.NewGuid().ToString("N"));
        DatabasePath = Path.Combine(Directory, "mentorbot.db");
        Context = Open();
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    public LiteDbContext Context { get; private set; }

    public LiteDbContext Open() => new(new LiteDbStorageOptions { DatabasePath = DatabasePath });

    /// <summary>Closes the shared context and opens the same file again.</summary>
    public LiteDbContext Reopen()
    {
        Context.Dispose();
        Context = Open();
        return Context;
    }

    public void Dispose()
    {
        Context.Dispose();
        if (System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
    }
}
