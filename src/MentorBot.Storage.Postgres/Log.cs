using Microsoft.Extensions.Logging;

namespace MentorBot.Storage.Postgres;

internal static partial class Log
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Opened PostgreSQL {Server}, schema {Version}")]
    public static partial void Opened(ILogger logger, string server, int version);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Applied PostgreSQL migration {Version} ({Name})")]
    public static partial void Migrated(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "PostgreSQL ping failed")]
    public static partial void PingFailed(ILogger logger, Exception exception);
}
