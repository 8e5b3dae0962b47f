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

    /// <summary>True from a write refused for lack of space until a write succeeds again.</summary>
    public bool Full => _full;

    public int Checkpoint() => Write(e => e.Checkpoint());

    public long Rebuild(RebuildOptions options) => Write(e => e.Rebuild(options));

    public bool BeginTrans() => Read(e => e.BeginTrans());

    public bool Commit() => Write(e => e.Commit());

    public bool Rollback() => Read(e => e.Rollback());

    public IBsonDataReader Query(string collection, Query query) => new Reader(this, Read(e => e.Query(collection, query)));

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(e => e.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Write(e => e.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Write(e => e.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(e => e.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Write(e => e.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Write(e => e.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Write(e => e.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Write(e => e.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Write(e => e.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Write(e => e.DropIndex(collection, name));

    public BsonValue Pragma(string name) => Read(e => e.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Write(e => e.Pragma(name, value));

    public void Dispose() => _engine.Dispose();

    private T Read<T>(Func<ILiteEngine, T> operation)
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

    private T Write<T>(Func<ILiteEngine, T> operation)
    {
        var result = Read(operation);
        _full = false;
        return result;
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

        public bool Read() => owner.Read(_ => inner.Read());

        public void Dispose() => inner.Dispose();
    }
}
