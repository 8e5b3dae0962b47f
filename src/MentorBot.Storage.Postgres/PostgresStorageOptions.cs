using Npgsql;

namespace MentorBot.Storage.Postgres;

/// <summary>Where the PostgreSQL storage connects. Bound from the <c>Storage</c> configuration section.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Database=mentorbot;Username=mentorbot;Password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Null when <see cref="ConnectionString"/> can be used, otherwise a one-line problem naming the key. The message
    /// never repeats the connection string, which may hold a password.
    /// </summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            return "Storage:ConnectionString must be set when Storage:Provider is Postgres, e.g. Host=localhost;Database=mentorbot;Username=mentorbot;Password=….";
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return $"Storage:ConnectionString is not a valid PostgreSQL connection string ({ex.GetType().Name}: {ex.Message.Split('\n')[0].Trim()}).";
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
            return "Storage:ConnectionString must name the server with Host=…";
        return null;
    }

    /// <summary>"host:port/database" for messages and logs: enough to find the server, nothing secret.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        }
        catch (ArgumentException)
        {
            return "(invalid connection string)";
        }
    }
}
