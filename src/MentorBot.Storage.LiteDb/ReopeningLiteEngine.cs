using LiteDB;
using LiteDB.Engine;
using MentorBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// The engine under the context's <see cref="LiteDatabase"/>: forwards every call to a <see cref="LiteEngine"/> and,
/// when one fails with an I/O error, replaces it with a freshly opened one. LiteDB closes its engine on the first I/O
/// failure (a full disk, say) and from then on fails every call, reads included, with that error until the process
/// restarts. A fresh engine reads the file again; the transaction that failed was never confirmed in the log, so it
/// is dropped and everything committed before it stays. A full disk becomes <see cref="StorageFullException"/>.
/// </summary>
internal sealed class ReopeningLiteEngine : ILiteEngine
{
    private readonly Func<ILiteEngine> _open;
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly Lock _reopening = new();
    private volatile ILiteEngine _engine;
    private volatile bool _full;
    private readonly ThreadLocal<List<Action>?> _inTransaction = new();

    public ReopeningLiteEngine(Func<ILiteEngine> open, string path, ILogger logger)
    {
        _open = open;
        _path = path;
        _logger = logger;
        _engine = open();
    }

    /// <summary>
    /// True from a write refused for lack of space until <see cref="MarkWritable"/>: the health probe decides when the
    /// disk has room again, so a write that squeezes into a page LiteDB just gave back does not end it.
    /// </summary>
    public bool Full => _full;

    public void MarkWritable() => _full = false;

    public int Checkpoint() => Run(e => e.Checkpoint());

    public long Rebuild(RebuildOptions options) => Run(e => e.Rebuild(options));

    /// <summary>
    /// Told of every write after it succeeded: the report projection keeps itself current from here, so no store has
    /// to remember to call it. Inside an explicit transaction the writes are held back until it commits.
    /// </summary>
    public LiteDbReportProjection? Observer { get; set; }

    public bool BeginTrans()
    {
        var begun = Run(e => e.BeginTrans());
        if (begun)
            _inTransaction.Value = [];
        return begun;
    }

    public bool Commit()
    {
        var committed = Run(e => e.Commit());
        var held = _inTransaction.Value;
        _inTransaction.Value = null;
        if (held is not null)
        {
            foreach (var write in held)
                write();
        }
        return committed;
    }

    public bool Rollback()
    {
        _inTransaction.Value = null;
        return Run(e => e.Rollback());
    }

    public IBsonDataReader Query(string collection, Query query) => new Reader(this, Run(e => e.Query(collection, query)));

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        var written = Observed(collection, docs);
        var count = Run(e => e.Insert(collection, written, autoId));
        Notify(collection, o => o.Written(collection, written));
        return count;
    }

    public int Update(string collection, IEnumerable<BsonDocument> docs)
    {
        var written = Observed(collection, docs);
        var count = Run(e => e.Update(collection, written));
        Notify(collection, o => o.Written(collection, written));
        return count;
    }

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate)
    {
        var count = Run(e => e.UpdateMany(collection, transform, predicate));
        Notify(collection, o => o.Reset());
        return count;
    }

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        var written = Observed(collection, docs);
        var count = Run(e => e.Upsert(collection, written, autoId));
        Notify(collection, o => o.Written(collection, written));
        return count;
    }

    public int Delete(string collection, IEnumerable<BsonValue> ids)
    {
        var deleted = Observer is { } observer && observer.Watches(collection) ? ids.ToList() : ids;
        var count = Run(e => e.Delete(collection, deleted));
        Notify(collection, o => o.Deleted(collection, deleted));
        return count;
    }

    public int DeleteMany(string collection, BsonExpression predicate)
    {
        var count = Run(e => e.DeleteMany(collection, predicate));
        Notify(collection, o => o.Reset());
        return count;
    }

    public bool DropCollection(string name)
    {
        var dropped = Run(e => e.DropCollection(name));
        Notify(name, o => o.Reset());
        return dropped;
    }

    public bool RenameCollection(string name, string newName)
    {
        var renamed = Run(e => e.RenameCollection(name, newName));
        Notify(name, o => o.Reset());
        Notify(newName, o => o.Reset());
        return renamed;
    }

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Run(e => e.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Run(e => e.DropIndex(collection, name));

    public BsonValue Pragma(string name) => Run(e => e.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Run(e => e.Pragma(name, value));

    public void Dispose()
    {
        _engine.Dispose();
        _inTransaction.Dispose();
    }

    /// <summary>The documents as a list when the observer will read them after the engine did, so a lazy sequence runs once.</summary>
    private IEnumerable<BsonDocument> Observed(string collection, IEnumerable<BsonDocument> docs) =>
        Observer is { } observer && observer.Watches(collection) && docs is not IReadOnlyCollection<BsonDocument> ? docs.ToList() : docs;

    private void Notify(string collection, Action<LiteDbReportProjection> write)
    {
        if (Observer is not { } observer || !observer.Watches(collection))
            return;
        if (_inTransaction.Value is { } held)
            held.Add(() => write(observer));
        else
            write(observer);
    }

    private T Run<T>(Func<ILiteEngine, T> operation)
    {
        var engine = _engine;
        try
        {
            return operation(engine);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            throw Recover(engine, ex);
        }
    }

    /// <summary>Swaps in a new engine (unless another caller already did) and returns the exception to throw.</summary>
    private Exception Recover(ILiteEngine failed, Exception failure)
    {
        var full = IsDiskFull(failure);
        if (full)
            _full = true;
        lock (_reopening)
        {
            if (ReferenceEquals(failed, _engine))
            {
                Log.EngineFailed(_logger, _path, full, failure);
                AbandonedTransactions.SilenceFinalizers(failed);
                try
                {
                    failed.Dispose();
                }
                catch (Exception ex) when (IsIoFailure(ex) || ex is LiteException or ObjectDisposedException)
                {
                    // It is being dropped for failing; the new engine reads the file afresh.
                }

                try
                {
                    _engine = _open();
                    Log.EngineReopened(_logger, _path);
                }
                catch (Exception ex) when (IsIoFailure(ex) || ex is LiteException)
                {
                    // The failed engine stays in place and fails the next call, which tries again.
                    Log.ReopenFailed(_logger, _path, ex);
                }
            }
        }

        return full
            ? new StorageFullException($"Storage is full, nothing was saved (no space left for {_path}).", failure)
            : failure;
    }

    private static bool IsIoFailure(Exception exception) =>
        exception is IOException || exception.InnerException is IOException;

    private static bool IsDiskFull(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // ENOSPC and EDQUOT (Linux 28, 122; macOS 28, 69); ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
            if (e is IOException && e.HResult is 28 or 122 or 69 or unchecked((int)0x80070070) or unchecked((int)0x80070027))
                return true;
        }
        return false;
    }

    /// <summary>Query results are read lazily, so reading goes through the same recovery as the calls.</summary>
    private sealed class Reader(ReopeningLiteEngine owner, IBsonDataReader inner) : IBsonDataReader
    {
        public BsonValue this[string field] => inner[field];

        public string Collection => inner.Collection;

        public BsonValue Current => inner.Current;

        public bool HasValues => inner.HasValues;

        public bool Read() => owner.Run(_ => inner.Read());

        public void Dispose() => inner.Dispose();
    }
}
