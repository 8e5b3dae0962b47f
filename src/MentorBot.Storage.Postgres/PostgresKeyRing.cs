using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>
/// The rows behind ASP.NET Core Data Protection's key ring (<c>data_protection_keys</c>): the host adapts this to
/// <c>IXmlRepository</c>, so every host on the database protects and unprotects (antiforgery tokens) with one ring.
/// Synchronous because <c>IXmlRepository</c> is; it is called at start and when a key is added, every few months.
/// The XML is key material: it is never logged.
/// </summary>
public sealed class PostgresKeyRing(PostgresStorage storage)
{
    /// <summary>Every key element ever stored, oldest first.</summary>
    public IReadOnlyList<string> ReadAll()
    {
        using var command = storage.DataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var all = new List<string>();
        while (reader.Read())
            all.Add(reader.GetString(0));
        return all;
    }

    public void Add(string friendlyName, string xml)
    {
        using var command = storage.DataSource.CreateCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = xml });
        command.ExecuteNonQuery();
    }
}
