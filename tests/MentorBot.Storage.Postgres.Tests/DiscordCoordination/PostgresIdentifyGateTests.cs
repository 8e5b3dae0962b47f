using System.Diagnostics;
using MentorBot.Discord.Postgres;
using Npgsql;

namespace MentorBot.Storage.Postgres.Tests.DiscordCoordination;

/// <summary>Two hosts' identify gates on one real database, each with its own connection pool.</summary>
public sealed class PostgresIdentifyGateTests : TwoHostsOnOneDatabase
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Hosts_on_one_database_never_identify_one_bucket_within_the_interval()
    {
        // A shorter interval than Discord's keeps the test quick; the rule is the same.
        var gates = new[] { new PostgresIdentifyGate(First, TimeProvider.System, Interval), new PostgresIdentifyGate(Second, TimeProvider.System, Interval) };
        await RecordTurnsAsync();
        var hosts = new List<int>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            var host = i % 2;
            await (await gates[host].WaitTurnAsync(0, CancellationToken.None)).DisposeAsync();
            lock (hosts)
                hosts.Add(host);
        }));

        // The turns as the database granted them. When a host's process hears back is up to its machine, and on a busy
        // one that can be half a second late; the spacing the gate promises is the one in the database.
        var times = await RecordedTurnsAsync(bucket: 0);
        Assert.Equal(4, times.Count);
        Assert.Contains(0, hosts);
        Assert.Contains(1, hosts);
        for (var i = 1; i < times.Count; i++)
            Assert.True(times[i] - times[i - 1] >= Interval - Rounding, $"turns {i - 1} and {i} were {(times[i] - times[i - 1]).TotalMilliseconds:0.0} ms apart");
    }

    [Fact]
    public async Task Different_buckets_go_in_parallel_across_hosts()
    {
        var first = new PostgresIdentifyGate(First, TimeProvider.System, TimeSpan.FromSeconds(30));
        var second = new PostgresIdentifyGate(Second, TimeProvider.System, TimeSpan.FromSeconds(30));
        await (await first.WaitTurnAsync(0, CancellationToken.None)).DisposeAsync();

        var clock = Stopwatch.StartNew();
        await (await second.WaitTurnAsync(1, CancellationToken.None)).DisposeAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "bucket 1 must not wait for bucket 0's 30 s");

        // And the same bucket from the other host does wait: give up after a moment.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await second.WaitTurnAsync(0, cancel.Token));
    }

    [Fact]
    public async Task The_next_host_waits_a_full_interval_after_the_first_hosts_send()
    {
        // The first host is slow to send (here 1.5 s after its grant); the second host's turn must count from the send,
        // or the two Identifies reach Discord closer than the interval.
        var first = new PostgresIdentifyGate(First, TimeProvider.System, Interval);
        var second = new PostgresIdentifyGate(Second, TimeProvider.System, Interval);
        var turn = await first.WaitTurnAsync(0, CancellationToken.None);
        var waiting = second.WaitTurnAsync(0, CancellationToken.None).AsTask();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var sent = await DatabaseNowAsync();
        await turn.DisposeAsync();

        // Read no earlier than the second turn was granted, so a late read can only make the gap look longer, and the
        // gap is measured from a moment before the first turn ended: a turn counted from the first grant fails it.
        var secondTurn = await waiting;
        var granted = await DatabaseNowAsync();
        await secondTurn.DisposeAsync();

        Assert.True(granted - sent >= Interval - Rounding, $"the second turn came {(granted - sent).TotalMilliseconds:0.0} ms after the first send");
    }

    private async Task<TimeSpan> DatabaseNowAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT clock_timestamp()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return TimeSpan.FromTicks(reader.GetFieldValue<DateTimeOffset>(0).UtcTicks);
    }

    /// <summary>Task.Delay works in whole milliseconds, so a wait can come out a fraction of one short.</summary>
    private static readonly TimeSpan Rounding = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Has the database log every turn a gate writes, with the database's clock: the tables exist once any gate has
    /// taken a turn (bucket 99 here, which no test reads), and a trigger then copies each write.
    /// </summary>
    private async Task RecordTurnsAsync()
    {
        await (await new PostgresIdentifyGate(First, TimeProvider.System, TimeSpan.Zero).WaitTurnAsync(99, CancellationToken.None)).DisposeAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            CREATE TABLE test_identify_turns (bucket integer NOT NULL, at timestamptz NOT NULL);
            CREATE FUNCTION test_log_turn() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO test_identify_turns (bucket, at) VALUES (NEW.bucket, NEW.last_identify);
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_log_turn AFTER INSERT OR UPDATE ON discord_identify_buckets
                FOR EACH ROW EXECUTE FUNCTION test_log_turn();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<TimeSpan>> RecordedTurnsAsync(int bucket)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT at FROM test_identify_turns WHERE bucket = @bucket ORDER BY at", connection);
        command.Parameters.AddWithValue("bucket", bucket);
        var turns = new List<TimeSpan>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            turns.Add(TimeSpan.FromTicks(reader.GetFieldValue<DateTimeOffset>(0).UtcTicks));
        return turns;
    }
}
