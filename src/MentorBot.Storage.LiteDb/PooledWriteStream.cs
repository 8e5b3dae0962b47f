using System.Buffers;

namespace MentorBot.Storage.LiteDb;

/// <summary>
/// A write-only, growable in-memory stream whose buffer comes from <see cref="ArrayPool{T}.Shared"/> and goes back on
/// disposal. A question log batch lays out about 1 MB before deflating: in a <see cref="MemoryStream"/> that was a chain
/// of doubling large-object-heap arrays per batch, each fresh from the OS (page faults) and each pushing the process
/// towards a full garbage collection, which the rest of the host then paid for.
/// </summary>
internal sealed class PooledWriteStream(int initialCapacity) : Stream
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(256, initialCapacity));
    private int _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>What was written so far; valid until the next write or disposal.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_length + buffer.Length > _buffer.Length)
            Grow(_length + buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void WriteByte(byte value)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_length == _buffer.Length)
            Grow(_length + 1);
        _buffer[_length++] = value;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
        base.Dispose(disposing);
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
