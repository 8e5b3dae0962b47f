using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace MentorBot.Host.Storage;

/// <summary>
/// Where ASP.NET Core Data Protection (the dashboard's antiforgery tokens) keeps its key ring. With PostgreSQL, in the
/// database, so behind a load balancer a form one host rendered is accepted by another. With LiteDB, where ASP.NET Core
/// keeps it by default (a folder in the user's home, or memory when there is none): one host owns a LiteDB file, and
/// only forms open in a browser depend on the ring (sessions and sign-in links do not), so losing it costs a reload.
/// </summary>
internal static class DataProtectionKeys
{
    /// <summary>
    /// Every host of one bot must use the same name: tokens are bound to it, and the default is the content root, which
    /// differs between two installs.
    /// </summary>
    public const string ApplicationName = "MentorBot";

    public static void Add(IServiceCollection services, StorageProvider? provider)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        if (provider != StorageProvider.Postgres)
            return;
        services.AddSingleton<PostgresXmlRepository>();
        // PostConfigure, so the shared ring wins over a per-machine repository registered anywhere else.
        services.AddOptions<KeyManagementOptions>().PostConfigure<PostgresXmlRepository>((o, repository) => o.XmlRepository = repository);
    }
}
