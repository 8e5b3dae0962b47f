using MentorBot.Storage.LiteDb;
using MentorBot.Storage.Postgres;

namespace MentorBot.Host.Storage;

/// <summary>
/// Reads <c>Storage:Provider</c> and registers the chosen provider. An unknown provider or an unusable connection string
/// is reported by <see cref="Problem"/>, which <see cref="StartupCheck"/> prints before anything touches storage.
/// </summary>
internal static class StorageSelection
{
    public const string ProviderKey = "Storage:Provider";

    /// <summary>The configured provider (LiteDB when the key is absent); null when the value names no provider.</summary>
    public static StorageProvider? Provider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
            return StorageProvider.LiteDb;
        return value.Trim().ToUpperInvariant() switch
        {
            "LITEDB" => StorageProvider.LiteDb,
            "POSTGRES" or "POSTGRESQL" => StorageProvider.Postgres,
            _ => null,
        };
    }

    /// <summary>One line naming the key when the storage settings cannot work; null when they can be tried.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        switch (Provider(configuration))
        {
            case null:
                return $"Invalid configuration: {ProviderKey} must be LiteDb or Postgres, not '{configuration[ProviderKey]}'.";
            case StorageProvider.Postgres:
                var problem = new PostgresStorageOptions { ConnectionString = configuration["Storage:ConnectionString"] }.Problem();
                return problem is null ? null : $"Invalid configuration: {problem}";
            default:
                return null;
        }
    }

    public static void AddStorage(IServiceCollection services, IConfiguration configuration)
    {
        if (Provider(configuration) == StorageProvider.Postgres)
        {
            services.AddOptions<PostgresStorageOptions>()
                .Validate(o => o.Problem() is null, "Storage:ConnectionString must be a valid PostgreSQL connection string when Storage:Provider is Postgres.")
                .ValidateOnStart();
            services.AddPostgresStorage(configuration);
            return;
        }

        // An unknown provider also lands here; StartupCheck stops the host before the LiteDB file is opened.
        services.AddOptions<LiteDbStorageOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "Storage:DatabasePath must name a database file, e.g. data/mentorbot.db.")
            .ValidateOnStart();
        services.AddLiteDbStorage(configuration);
    }
}
