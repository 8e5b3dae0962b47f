namespace MentorBot.Storage.LiteDb;

/// <summary>
/// Keeps one process at a time on a LiteDB file: <c>&lt;file&gt;.lock</c> held open with <see cref="FileShare.None"/>,
/// which .NET turns into an exclusive <c>flock</c> on Unix and a sharing mode on Windows. LiteDB's own open uses shared
/// modes on Linux, so without this two hosts would each write the same file and lose each other's data. The lock
/// belongs to the open handle, so the kernel drops it when the process dies, even by <c>kill -9</c>: a stale lock file
/// never blocks the next start. The file itself stays (deleting it would let a late opener lock an unlinked copy).
/// </summary>
public sealed class LiteDbFileLock : IDisposable
{
    // What .NET reports when the lock is held elsewhere: ERROR_SHARING_VIOLATION on Windows, flock's EWOULDBLOCK errno
    // on Unix (11 on Linux, 35 on macOS). Any other IOException (a full disk, a bad path) is reported as itself.
    private const int SharingViolation = unchecked((int)0x80070020);
    private static readonly int WouldBlock = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 35 : 11;

    private readonly FileStream _handle;

    private LiteDbFileLock(FileStream handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>Full path of the lock file.</summary>
    public string Path { get; }

    /// <summary>The lock file beside <paramref name="databasePath"/>.</summary>
    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock of <paramref name="databasePath"/> (a full path) without waiting.</summary>
    /// <exception cref="LiteDbFileInUseException">Another process, or another open context in this one, holds it.</exception>
    public static LiteDbFileLock Acquire(string databasePath)
    {
        var path = PathFor(databasePath);
        try
        {
            return new LiteDbFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), path);
        }
        catch (IOException ex) when (ex.HResult == SharingViolation || ex.HResult == WouldBlock)
        {
            throw new LiteDbFileInUseException(databasePath, path, ex);
        }
    }

    public void Dispose() => _handle.Dispose();
}
