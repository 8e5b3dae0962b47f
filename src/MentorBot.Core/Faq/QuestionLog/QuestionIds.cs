using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MentorBot.Core.Faq.QuestionLog;

/// <summary>
/// Logged question ids: the moment asked (8 bytes of UTC ticks, big-endian) and 8 random bytes, as 26 lowercase
/// base32hex characters. Time first, in an alphabet whose order is the bytes' order under any collation, so a new
/// id lands at the end of the storage index instead of at a random page (random keys made each LiteDB write dirty
/// pages all over a growing index); the random half keeps hosts that share a database apart without coordination.
/// Short, because a button's custom id carries one and Discord caps custom ids at 100 characters.
/// </summary>
public static class QuestionIds
{
    public const int Length = 26;

    private const string Alphabet = "0123456789abcdefghijklmnopqrstuv";

    // Random bytes are drawn from the OS a pool at a time: one call per id cost about 4 µs on every /faq answer.
    private const int PoolSize = 4096;

    [ThreadStatic]
    private static byte[]? t_pool;

    [ThreadStatic]
    private static int t_used;

    public static string New(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, at.UtcTicks);
        TakeRandom(bytes[8..]);
        Span<char> text = stackalloc char[Length];
        var buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text[written++] = Alphabet[(buffer >> bits) & 31];
            }
        }
        text[written] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(text);
    }

    private static void TakeRandom(Span<byte> destination)
    {
        var pool = t_pool ??= new byte[PoolSize];
        if (t_used == 0 || t_used + destination.Length > PoolSize)
        {
            RandomNumberGenerator.Fill(pool);
            t_used = 0;
        }
        pool.AsSpan(t_used, destination.Length).CopyTo(destination);
        t_used += destination.Length;
        // Wrapped to 0 when the pool is used up, so the next id refills it before reading.
        if (t_used == PoolSize)
            t_used = 0;
    }

    /// <summary>Whether <paramref name="id"/> has the shape of an id (a forged or mangled click is refused before any lookup).</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != Length)
            return false;
        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'v'))
                return false;
        }
        return true;
    }
}
