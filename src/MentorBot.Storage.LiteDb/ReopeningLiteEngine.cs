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

    public bool BeginTrans() => Run(e => e.BeginTrans());

    public bool Commit() => Run(e => e.Commit());

    public bool Rollback() => Run(e => e.Rollback());

    public IBsonDataReader Query(string collection, Query query) => new Reader(this, Run(e => e.Query(collection, query)));

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(e => e.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Run(e => e.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Run(e => e.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Run(e => e.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Run(e => e.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Run(e => e.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Run(e => e.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Run(e => e.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Run(e => e.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Run(e => e.DropIndex(collection, name));

    public BsonValue Pragma(string name) => Run(e => e.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Run(e => e.Pragma(name, value));

    public void Dispose() => _engine.Dispose();

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
