using Microsoft.Extensions.Logging;

namespace MentorBot.Storage.LiteDb;

internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Opened LiteDB {Path}, schema {Version}")]
    public static partial void Opened(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Upgraded LiteDB {Path} from schema {FromVersion} to {ToVersion}")]
    public static partial void Upgraded(ILogger logger, string path, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Refusing LiteDB {Path}: schema {Version} is newer than the supported {Supported}")]
    public static partial void SchemaTooNew(ILogger logger, string path, int version, int supported);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "LiteDB ping failed")]
    public static partial void PingFailed(ILogger logger, Exception exception);
}
