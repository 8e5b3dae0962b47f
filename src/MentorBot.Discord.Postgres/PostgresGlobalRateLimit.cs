using MentorBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MentorBot.Discord.Postgres;

/// <summary>
/// The bot's global request limit shared by every host on one database, as a schedule of send slots: one row holds
/// the next free slot (the database's clock), and a host reserves a batch of consecutive slots, each
/// <c>1 / (requestsPerSecond × 0.95)</c> apart, in one atomic UPDATE. However many hosts take part, no second of the
/// schedule holds more than <c>requestsPerSecond</c> slots. A host reserves as many slots as it has requests waiting (up to
/// <paramref name="maxBatch"/>), so a busy host needs one round trip per batch and an idle one wastes nothing.
/// While the database cannot be reached the host falls back to its local limit (<c>Discord:GlobalRateShare</c>) for a
/// few seconds at a time rather than stop talking to Discord; a 429 from Discord is still honoured.
/// </summary>
public sealed partial class PostgresGlobalRateLimit(
    DiscordCoordinationDatabase database, int requestsPerSecond, TimeProvider time, ILogger<PostgresGlobalRateLimit>? logger = null, int maxBatch = 10)
    : ISharedGlobalRateLimit, IDisposable
{
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(5);
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private DateTimeOffset _fallbackUntil;

    /// <summary>A slot not used within this long (its waiter was cancelled or woke late) is dropped, not spent late.</summary>
    private static readonly TimeSpan StaleSlot = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The schedule fills 95% of the limit: requests reach Discord a little earlier or later than their slots (a busy
    /// machine, the network), and the headroom keeps that jitter from putting a second over the limit.
    /// </summary>
    public const double Headroom = 0.95;

    private readonly TimeSpan _spacing = TimeSpan.FromSeconds(1.0 / (Math.Max(1, requestsPerSecond) * Headroom));
    private readonly SemaphoreSlim _reserving = new(1, 1);
    private readonly Queue<DateTimeOffset> _slots = new();
    private readonly DatabaseClockOffset _clock = new();
    private int _waiting;

    public int RequestsPerSecond => requestsPerSecond;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            while (true)
            {
                if (TakeSlot() is { } slot)
                {
                    var wait = slot - time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                    // Woken long after the slot (a stalled machine): spending it now would bunch it with the slots
                    // after it, so it is let go and a fresh one taken.
                    if (time.GetUtcNow() - slot <= StaleSlot)
                        return;
                    continue;
                }
                await _reserving.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (time.GetUtcNow() < _fallbackUntil)
                        return;
                    if (!HasSlots())
                        await ReserveAsync(Math.Clamp(Volatile.Read(ref _waiting), 1, maxBatch), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
                {
                    _fallbackUntil = time.GetUtcNow() + Fallback;
                    LogUnavailable(_logger, ex, ex.Message, Fallback.TotalSeconds);
                    return;
                }
                finally
                {
                    _reserving.Release();
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private async Task ReserveAsync(int count, CancellationToken ct)
    {
        var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        var command = new NpgsqlCommand("""
            UPDATE discord_global_rate
            SET next_slot = GREATEST(next_slot, clock_timestamp()) + @span
            WHERE id = 1
            RETURNING EXTRACT(EPOCH FROM next_slot - @span)::float8, EXTRACT(EPOCH FROM clock_timestamp())::float8
            """, connection);
        await using var commandDisposal = command.ConfigureAwait(false);
        command.Parameters.AddWithValue("span", _spacing * count);
        var sent = time.GetUtcNow();
        DateTimeOffset firstOnDatabase, databaseNow;
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(ct).ConfigureAwait(false);
            firstOnDatabase = FromEpoch(reader.GetDouble(0));
            databaseNow = FromEpoch(reader.GetDouble(1));
        }
        // The slots are mapped through the clock offset, not "now + how long until the first": a thread stalled after the
        // answer would otherwise shift this batch later, on top of the next host's slots.
        _clock.Observe(sent, time.GetUtcNow(), databaseNow);
        var first = _clock.ToLocal(firstOnDatabase);
        lock (_slots)
        {
            for (var i = 0; i < count; i++)
                _slots.Enqueue(first + _spacing * i);
        }
    }

    private static DateTimeOffset FromEpoch(double seconds) => DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(seconds);

    private DateTimeOffset? TakeSlot()
    {
        var now = time.GetUtcNow();
        lock (_slots)
        {
            while (_slots.TryDequeue(out var slot))
            {
                if (now - slot <= StaleSlot)
                    return slot;
            }
            return null;
        }
    }

    private bool HasSlots()
    {
        lock (_slots)
            return _slots.Count > 0;
    }

    public void Dispose() => _reserving.Dispose();

    [LoggerMessage(EventId = 430, Level = LogLevel.Warning, Message = "Shared Discord rate limit unavailable ({Reason}); keeping to this host's share for {Seconds} s")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string reason, double seconds);
}
