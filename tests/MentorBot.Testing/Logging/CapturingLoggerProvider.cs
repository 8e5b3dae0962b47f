using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace MentorBot.Testing.Logging;

/// <summary>
/// Keeps everything any logger of a host writes, at every level: category, event, formatted message, every
/// structured value, the exception with its stack and inner exceptions, and the scopes around it. Tests search
/// <see cref="Text"/> for what must never be logged.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Entries { get; } = new();

    /// <summary>Every entry, one after another.</summary>
    public string Text => string.Join('\n', Entries);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new StringBuilder()
                .Append(logLevel).Append(' ').Append(category).Append('[').Append(eventId.Id).Append("] ")
                .Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                    entry.Append(" | ").Append(key).Append('=').Append(value);
            }
            provider._scopes.ForEachScope((scope, builder) => builder.Append(" | scope ").Append(scope), entry);
            if (exception is not null)
                entry.Append('\n').Append(exception);
            provider.Entries.Enqueue(entry.ToString());
        }
    }
}
