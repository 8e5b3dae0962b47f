using MentorBot.Testing.Postgres;

namespace MentorBot.Dashboard.Tests.Support;

/// <summary>A fresh database on the private PostgreSQL server, for several hosts to share as behind a load balancer.</summary>
internal static class SharedDatabase
{
    public static async Task<string> CreateAsync()
    {
        var server = await PostgresServer.SharedAsync();
        return server.ConnectionStringFor(await server.CreateDatabaseAsync());
    }

    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = connectionString,
    };
}
