using MentorBot.Discord.Gateway;
using Npgsql;

namespace MentorBot.Discord.Postgres;

/// <summary>
/// Identify turns shared by every host on one database: a transaction-scoped advisory lock per bucket serialises the
/// hosts, and the bucket's last identify time (the database's clock, so hosts' clocks need not agree) spaces them at
/// least <see cref="Interval"/> apart. The lock is held while waiting out the interval, so hosts queue rather than poll.
/// </summary>
public sealed class PostgresIdentifyGate(DiscordCoordinationDatabase database, TimeProvider time, TimeSpan? interval = null) : IIdentifyGate
{
    public TimeSpan Interval { get; } = interval ?? IdentifyTiming.Interval;

    public async ValueTask WaitTurnAsync(int bucket, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
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
        var record = new NpgsqlCommand("""
            INSERT INTO discord_identify_buckets (bucket, last_identify) VALUES (@bucket, clock_timestamp())
            ON CONFLICT (bucket) DO UPDATE SET last_identify = EXCLUDED.last_identify
            """, connection, transaction);
        await using (record.ConfigureAwait(false))
        {
            record.Parameters.AddWithValue("bucket", bucket);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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
}
