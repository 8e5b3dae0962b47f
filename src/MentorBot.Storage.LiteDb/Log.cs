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

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "LiteDB {Path} failed an I/O operation (disk full: {DiskFull}); reopening it")]
    public static partial void EngineFailed(ILogger logger, string path, bool diskFull, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Reopened LiteDB {Path} after an I/O failure")]
    public static partial void EngineReopened(ILogger logger, string path);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Could not reopen LiteDB {Path} yet; the next call tries again")]
    public static partial void ReopenFailed(ILogger logger, string path, Exception exception);
}
