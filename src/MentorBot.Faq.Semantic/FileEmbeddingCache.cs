using System.Buffers.Binary;
using MentorBot.Core.Faq.Semantic;

namespace MentorBot.Faq.Semantic;

/// <summary>
/// The embeddings of knowledge phrasings in one binary file: a header (magic, dimensions, count), then per phrasing
/// its 64-character key and its vector. Small (about 1.6 KB a phrasing) and rewritten whole, through a temporary file
/// and a rename, only when a snapshot embedded something new, so a reader never sees half a file and concurrent
/// writers (each with its own temporary file) leave one of their complete versions.
/// </summary>
public sealed class FileEmbeddingCache : IEmbeddingCache
{
    private const int Magic = 0x4D42_4531; // "MBE1"
    private const int KeyLength = 64;

    private readonly string _path;
    private readonly Lock _lock = new();
    private Dictionary<string, float[]> _entries;

    public FileEmbeddingCache(string path)
    {
        _path = path;
        _entries = Read(path);
    }

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    public float[]? Find(string key)
    {
        lock (_lock)
            return _entries.GetValueOrDefault(key);
    }

    public void ReplaceAll(IReadOnlyDictionary<string, float[]> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        lock (_lock)
        {
            if (embeddings.Count == _entries.Count && embeddings.Keys.All(_entries.ContainsKey))
                return;
            _entries = new Dictionary<string, float[]>(embeddings, StringComparer.Ordinal);
            Write(_path, _entries);
        }
    }

    private static Dictionary<string, float[]> Read(string path)
    {
        var entries = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return entries;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != Magic)
                return entries;
            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (dimensions is <= 0 or > 8192 || count < 0)
                return entries;
            for (var i = 0; i < count; i++)
            {
                var key = System.Text.Encoding.ASCII.GetString(reader.ReadBytes(KeyLength));
                var bytes = reader.ReadBytes(dimensions * sizeof(float));
                if (key.Length != KeyLength || bytes.Length != dimensions * sizeof(float))
                    return new Dictionary<string, float[]>(StringComparer.Ordinal);
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                    vector[d] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(d * sizeof(float)));
                entries[key] = vector;
            }
        }
        catch (IOException)
        {
            // A damaged or half-written cache is only lost time: everything in it can be embedded again.
            entries.Clear();
        }

        return entries;
    }

    private static void Write(string path, Dictionary<string, float[]> entries)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        // One name per write, not per process: several hosts in one process (as the tests start them) share the cache
        // file, and two writers of one temporary file lock each other out or move the other's half-written file.
        var partial = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial";
        var dimensions = entries.Count == 0 ? 0 : entries.First().Value.Length;
        using (var writer = new BinaryWriter(File.Create(partial)))
        {
            writer.Write(Magic);
            writer.Write(dimensions);
            writer.Write(entries.Count);
            Span<byte> buffer = stackalloc byte[sizeof(float)];
            foreach (var (key, vector) in entries)
            {
                writer.Write(System.Text.Encoding.ASCII.GetBytes(key));
                foreach (var value in vector)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(buffer, value);
                    writer.Write(buffer);
                }
            }
        }

        File.Move(partial, path, overwrite: true);
    }
}
