using Microsoft.Extensions.Logging;

namespace MentorBot.Core.Knowledge;

/// <summary>
/// Serves the knowledge folder and reloads it when files change. Editors save in bursts (temp file, rename,
/// touch), so a change waits <see cref="KnowledgeOptions.ReloadDelay"/> of quiet before reloading. An invalid
/// edit is logged with its locations and the previous snapshot stays live, so a typo never takes answers away.
/// </summary>
public sealed partial class FileKnowledgeProvider : IKnowledgeProvider, IDisposable
{
    private readonly string _root;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;
    private readonly ILogger<FileKnowledgeProvider> _logger;
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _pending;
    private KnowledgeBase _current;

    public FileKnowledgeProvider(string root, TimeSpan reloadDelay, TimeProvider time, ILogger<FileKnowledgeProvider> logger)
    {
        _root = root;
        _delay = reloadDelay;
        _time = time;
        _logger = logger;
        var result = KnowledgeLoader.Load(root);
        if (!result.IsValid)
            throw new InvalidKnowledgeException(root, result.Problems);
        _current = result.Knowledge!;
        LogLoaded(_logger, _current.Faq.Count, _current.Roadmap.Count, root);
    }

    public KnowledgeBase Current => Volatile.Read(ref _current);

    /// <summary>Raised after a successful reload; handy for tests and for logging.</summary>
    public event EventHandler? Reloaded;

    /// <summary>
    /// Raised when a file change has (re)started the quiet delay, so a test on a fake clock knows the watcher saw the
    /// edit before it advances time, instead of sleeping and hoping.
    /// </summary>
    public event EventHandler? ReloadScheduled;

    /// <summary>Raised when a reload was refused (invalid or unreadable folder) and the live snapshot was kept.</summary>
    public event EventHandler? ReloadRejected;

    /// <summary>Starts watching the folder for edits.</summary>
    public void Watch()
    {
        lock (_gate)
        {
            if (_watcher is not null)
                return;
            _watcher = new FileSystemWatcher(_root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
            };
            _watcher.Changed += (_, _) => ScheduleReload();
            _watcher.Created += (_, _) => ScheduleReload();
            _watcher.Deleted += (_, _) => ScheduleReload();
            _watcher.Renamed += (_, _) => ScheduleReload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>Reloads at once; returns false (keeping the live snapshot) if the folder is now invalid.</summary>
    public bool Reload()
    {
        KnowledgeLoadResult result;
        try
        {
            result = KnowledgeLoader.Load(_root);
        }
        catch (IOException ex)
        {
            LogReloadFailed(_logger, ex, _root, ex.Message);
            ReloadRejected?.Invoke(this, EventArgs.Empty);
            return false;
        }

        if (!result.IsValid)
        {
            foreach (var problem in result.Problems)
                LogInvalidEdit(_logger, problem.ToString());
            LogKeptPrevious(_logger, result.Problems.Count);
            ReloadRejected?.Invoke(this, EventArgs.Empty);
            return false;
        }

        Volatile.Write(ref _current, result.Knowledge!);
        LogLoaded(_logger, result.Knowledge!.Faq.Count, result.Knowledge.Roadmap.Count, _root);
        Reloaded?.Invoke(this, EventArgs.Empty);
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _pending?.Dispose();
            _watcher = null;
            _pending = null;
        }
    }

    private void ScheduleReload()
    {
        lock (_gate)
        {
            if (_watcher is null)
                return;
            _pending?.Dispose();
            _pending = _time.CreateTimer(_ => Reload(), null, _delay, Timeout.InfiniteTimeSpan);
        }
        ReloadScheduled?.Invoke(this, EventArgs.Empty);
    }

    [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "Knowledge loaded: {FaqCount} FAQ entries, {WeekCount} roadmap weeks from {Root}")]
    private static partial void LogLoaded(ILogger logger, int faqCount, int weekCount, string root);

    [LoggerMessage(EventId = 801, Level = LogLevel.Error, Message = "Invalid knowledge edit: {Problem}")]
    private static partial void LogInvalidEdit(ILogger logger, string problem);

    [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "Knowledge reload rejected ({Count} problems); the previous version stays live")]
    private static partial void LogKeptPrevious(ILogger logger, int count);

    [LoggerMessage(EventId = 803, Level = LogLevel.Warning, Message = "Knowledge reload of {Root} failed: {Reason}; the previous version stays live")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string root, string reason);
}
