using System.Collections;
using System.Reflection;
using LiteDB.Engine;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// LiteDB 5.0.20 leaves the transaction that an I/O error interrupted active inside the engine it closes. Disposing
/// that transaction throws ("discarded page must be writable"), and so does its finalizer, on the finalizer thread,
/// where an exception ends the process: a host that recovered from a full disk would die minutes later, whenever the
/// GC ran. The engine is being dropped and none of its open transactions was confirmed, so their finalizers are
/// switched off before it is disposed. LiteDB offers no public way to reach them; the private fields are looked up by
/// name, and if a later LiteDB renames them this does nothing rather than fail.
/// </summary>
internal static class AbandonedTransactions
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

    public static void SilenceFinalizers(ILiteEngine engine)
    {
        var monitor = engine.GetType().GetField("_monitor", Private)?.GetValue(engine);
        if (monitor?.GetType().GetField("_transactions", Private)?.GetValue(monitor) is not IDictionary transactions)
            return;
        object[] open;
        lock (transactions)
        {
            open = new object[transactions.Count];
            transactions.Values.CopyTo(open, 0);
        }

        // CA1816 expects SuppressFinalize inside a Dispose; here it is the point, for objects LiteDB cannot dispose.
#pragma warning disable CA1816
        foreach (var transaction in open)
            GC.SuppressFinalize(transaction);
#pragma warning restore CA1816
    }
}
