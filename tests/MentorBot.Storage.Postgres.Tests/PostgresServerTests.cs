namespace MentorBot.Storage.Postgres.Tests;

/// <summary>How the test fixture finds a PostgreSQL to start.</summary>
public sealed class PostgresServerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mentorbot-find-pg-binaries", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Binaries_on_PATH_win_over_the_Debian_location()
    {
        var onPath = Binaries("path-bin");
        Binaries(Path.Combine("debian", "16", "bin"));

        Assert.Equal(onPath, PostgresServer.FindBinaries($"{Path.Combine(_root, "empty")}{Path.PathSeparator}{onPath}", Path.Combine(_root, "debian")));
    }

    [Fact]
    public void Without_PATH_binaries_the_newest_Debian_version_is_used()
    {
        Binaries(Path.Combine("debian", "9", "bin"));
        var newest = Binaries(Path.Combine("debian", "15", "bin"));
        Directory.CreateDirectory(Path.Combine(_root, "debian", "17", "bin")); // a leftover without binaries

        Assert.Equal(newest, PostgresServer.FindBinaries(null, Path.Combine(_root, "debian")));
    }

    [Fact]
    public void Without_any_binaries_there_is_nothing_and_the_message_says_how_to_fix_it()
    {
        Assert.Null(PostgresServer.FindBinaries(Path.Combine(_root, "nothing"), Path.Combine(_root, "no-debian")));

        var message = PostgresServer.MissingBinariesMessage();
        Assert.Contains("apt-get install -y postgresql", message, StringComparison.Ordinal);
        Assert.Contains(PostgresServer.EnvironmentVariable, message, StringComparison.Ordinal);
    }

    private string Binaries(string relative)
    {
        var directory = Path.Combine(_root, relative);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "initdb"), "");
        File.WriteAllText(Path.Combine(directory, "pg_ctl"), "");
        return directory;
    }
}
