using MentorBot.Testing.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Host.Tests.Support;

/// <summary>
/// A fake Discord and a fresh database on the shared test PostgreSQL, for tests that run several hosts of one bot
/// against both; the database is dropped and the fake stopped after each test.
/// </summary>
public abstract class FakeDiscordOnPostgres : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _database = null!;

    protected FakeDiscord Discord { get; private set; } = null!;

    protected string ConnectionString => _server.ConnectionStringFor(_database);

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync();
        Discord = await FakeDiscord.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Discord.DisposeAsync();
        await _server.DropDatabaseAsync(_database);
    }

    /// <summary>Http mode against the fake with storage on this test's database; callers add their own keys.</summary>
    protected Dictionary<string, string?> HostSettings() => FakeDiscordHost.HttpSettingsOnPostgres(Discord, ConnectionString);

    /// <summary>An in-process host on <paramref name="settings"/>, with the repository's knowledge, on a free port.</summary>
    protected static WebApplication BuildHost(Dictionary<string, string?> settings)
    {
        settings["Knowledge:Path"] = TestPaths.RepoKnowledge;
        return BotApplication.Build(["--urls", "http://127.0.0.1:0"], configure: cfg => cfg.AddInMemoryCollection(settings));
    }
}
