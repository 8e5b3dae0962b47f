using MentorBot.Discord.Gateway;
using Npgsql;

namespace MentorBot.Discord.Postgres;

/// <summary>
/// Identify turns shared by every host on one database: a transaction-scoped advisory lock per bucket serialises the
/// hosts, and the moment the bucket's last turn ended (the database's clock, so hosts' clocks need not agree) spaces
/// them at least <see cref="Interval"/> apart. The lock is held while waiting out the interval and while the Identify
/// is sent, so hosts queue rather than poll, and the next turn counts from the send, however late it came.
/// </summary>
public sealed class PostgresIdentifyGate(DiscordCoordinationDatabase database, TimeProvider time, TimeSpan? interval = null) : IIdentifyGate
{
    public TimeSpan Interval { get; } = interval ?? IdentifyTiming.Interval;

    public async ValueTask<IAsyncDisposable> WaitTurnAsync(int bucket, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var locking = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, @bucket)", connection, transaction);
            await using (locking.ConfigureAwait(false))
            {
                locking.Parameters.AddWithValue("space", DiscordCoordinationDatabase.IdentifyLockSpace);
                locking.Parameters.AddWithValue("bucket", bucket);
                await locking.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            // Asked again after every wait: the spacing is in the database's clock, and this process's timer can fire a
            // little early by that clock (a CI run saw turns 997.5 ms apart with a 1 s interval).
            double waitSeconds;
            while ((waitSeconds = await RemainingWaitAsync(connection, transaction, bucket, cancellationToken).ConfigureAwait(false)) > 0)
                await Task.Delay(TimeSpan.FromSeconds(waitSeconds), time, cancellationToken).ConfigureAwait(false);
            return new Turn(connection, transaction, bucket);
        }
        catch
        {
            if (transaction is not null)
                await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<double> RemainingWaitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int bucket, CancellationToken cancellationToken)
    {
        var query = new NpgsqlCommand("""
            SELECT COALESCE((SELECT EXTRACT(EPOCH FROM last_identify + @interval - clock_timestamp())::float8
                             FROM discord_identify_buckets WHERE bucket = @bucket), 0)
            """, connection, transaction);
        await using (query.ConfigureAwait(false))
        {
            query.Parameters.AddWithValue("bucket", bucket);
            query.Parameters.AddWithValue("interval", Interval);
            return Convert.ToDouble(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Ending the turn records when it ended and commits, which lets the next host's lock through.</summary>
    private sealed class Turn(NpgsqlConnection connection, NpgsqlTransaction transaction, int bucket) : IAsyncDisposable
    {
        private int _ended;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0)
                return;
            try
            {
                var record = new NpgsqlCommand("""
                    INSERT INTO discord_identify_buckets (bucket, last_identify) VALUES (@bucket, clock_timestamp())
                    ON CONFLICT (bucket) DO UPDATE SET last_identify = EXCLUDED.last_identify
                    """, connection, transaction);
                await using (record.ConfigureAwait(false))
                {
                    record.Parameters.AddWithValue("bucket", bucket);
                    await record.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                }
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
