using System.Net.Sockets;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb;
using MentorBot.Storage.Postgres;
using Npgsql;

namespace MentorBot.Host.Cli;

/// <summary>
/// <c>storage migrate --from litedb:PATH --to postgres:CONNSTRING</c>: copies every collection of a single host's LiteDB
/// file into PostgreSQL (migrating its schema first), prints the counts per table and checks each row arrived. Dashboard
/// sessions stay behind (the output says how many): a re-run must not bring back a session ended in PostgreSQL.
/// Rows already in PostgreSQL are kept, so running it again only adds what is missing. Stop the bot first: the
/// LiteDB file is opened exclusively. The connection string is never printed, only host, port and database.
/// </summary>
internal static class StorageMigrateVerb
{
    private const string LiteDbPrefix = "litedb:";
    private const string PostgresPrefix = "postgres:";

    public static int Run(string from, string to, CliConsole console)
    {
        if (!from.StartsWith(LiteDbPrefix, StringComparison.OrdinalIgnoreCase) || from.Length == LiteDbPrefix.Length)
        {
            console.Error.WriteLine("--from must be litedb:PATH, the LiteDB file to copy (e.g. litedb:data/mentorbot.db).");
            return 2;
        }

        if (!to.StartsWith(PostgresPrefix, StringComparison.OrdinalIgnoreCase))
        {
            console.Error.WriteLine("--to must be postgres:CONNSTRING, e.g. \"postgres:Host=db;Database=mentorbot;Username=mentorbot;Password=…\".");
            return 2;
        }

        var path = Path.GetFullPath(from[LiteDbPrefix.Length..]);
        var options = new PostgresStorageOptions { ConnectionString = to[PostgresPrefix.Length..] };
        if (options.Problem() is { } problem)
        {
            console.Error.WriteLine(problem.Replace("Storage:ConnectionString", "The --to connection string", StringComparison.Ordinal));
            return 2;
        }

        if (!File.Exists(path))
        {
            console.Error.WriteLine($"There is no LiteDB file at '{path}'.");
            return 1;
        }

        StorageSnapshot snapshot;
        IReadOnlyList<UncopiedCollection> notCopied;
        try
        {
            using var lite = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = path });
            snapshot = LiteDbExport.Read(lite);
            notCopied = LiteDbExport.NotCopied(lite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException or InvalidOperationException)
        {
            console.Error.WriteLine($"Cannot read the LiteDB file '{path}' (is the bot still running?): {ex.Message}");
            return 1;
        }

        var server = PostgresStorageOptions.Describe(options.ConnectionString!);
        IReadOnlyList<ImportedTable> tables;
        try
        {
            using var postgres = new PostgresStorage(options);
            tables = PostgresImport.ImportAsync(postgres, snapshot).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            console.Error.WriteLine($"Cannot use the PostgreSQL database {server}: {ex.Message}");
            return 1;
        }

        console.Out.WriteLine($"Copied {path} to PostgreSQL {server}:");
        console.Out.WriteLine($"  {"table",-22} {"litedb",8} {"copied",8} {"present",8} {"verified",8}");
        foreach (var t in tables)
            console.Out.WriteLine($"  {t.Table,-22} {t.Source,8} {t.Inserted,8} {t.Source - t.Inserted,8} {t.Verified,8}{(t.Complete ? "" : "  MISSING ROWS")}");

        foreach (var left in notCopied.Where(c => c.Rows > 0))
            console.Out.WriteLine($"Not copied: {left.Collection} ({left.Rows} rows): {left.Why}.");

        var missing = tables.Where(t => !t.Complete).ToList();
        if (missing.Count > 0)
        {
            console.Error.WriteLine($"Verification failed: {string.Join(", ", missing.Select(t => $"{t.Table} has {t.Verified} of {t.Source}"))}.");
            // Every insert of a table is one committed transaction, so a row still missing was kept out by another row
            // under its key (audit entries and salts are compared whole).
            console.Error.WriteLine(
                "PostgreSQL already holds other rows under the same keys, and kept them. Move into a database no MentorBot host has written to yet.");
            return 1;
        }

        console.Out.WriteLine($"Verified: all {tables.Sum(t => t.Source)} rows are in PostgreSQL ({tables.Sum(t => t.Inserted)} copied now).");
        return 0;
    }
}
