using System.Buffers.Binary;
using MentorBot.Core.Faq.Semantic;

namespace MentorBot.Faq.Semantic;

/// <summary>
/// The embeddings of knowledge phrasings in one binary file: a header (magic, dimensions, count), then per phrasing
/// its 64-character key and its vector. Small (about 1.6 KB a phrasing) and rewritten whole, through a temporary file
/// and a rename, only when a snapshot embedded something new, so a reader never sees half a file.
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
            TryWrite(_path, _entries);
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

    /// <summary>
    /// Writes the file, or leaves it as it was when it cannot be written (a read-only or full disk): the entries stay
    /// in memory, and the next start embeds again what the file lacks. Several caches may write one file at once (hosts
    /// sharing a cache folder, several hosts in one test process), so each write has its own temporary file and the
    /// last rename wins with a whole file.
    /// </summary>
    private static void TryWrite(string path, Dictionary<string, float[]> entries)
    {
        var partial = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial";
        try
        {
            Write(path, partial, entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(partial);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: a stray partial file is ignored by every reader.
            }
        }
    }

    private static void Write(string path, string partial, Dictionary<string, float[]> entries)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
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
