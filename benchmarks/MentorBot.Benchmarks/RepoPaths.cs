using MentorBot.Benchmarks.Shared;

namespace MentorBot.Benchmarks;

/// <summary>The repository's <c>knowledge/</c> folder and built host, in the repository <see cref="RepositoryRoot"/> finds.</summary>
internal static class RepoPaths
{
    public static string FindKnowledge()
    {
        if (RepositoryRoot.Find() is { } root)
        {
            var candidate = Path.Combine(root, "knowledge");
            if (Directory.Exists(Path.Combine(candidate, "faq")) && File.Exists(Path.Combine(candidate, "lexicon.yaml")))
                return candidate;
        }

        throw new DirectoryNotFoundException(
            "Could not find the repository's knowledge/ folder (with faq/ and lexicon.yaml) above the current directory or the binary.");
    }

    /// <summary><paramref name="given"/> if set, else the host built in this repository, Release first.</summary>
    public static string FindHostDll(string? given)
    {
        if (given is not null)
            return given;
        var repository = Path.GetDirectoryName(FindKnowledge())!;
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var candidate = Path.Combine(repository, "src", "MentorBot.Host", "bin", configuration, "net10.0", "MentorBot.Host.dll");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("MentorBot.Host.dll is not built: run `dotnet build -c Release src/MentorBot.Host` or pass --host PATH.");
    }
}

/// <summary>A private temp folder for database files, deleted (with LiteDB's -log files) on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string label)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mentorbot-bench-{label}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
                Directory.Delete(Path, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"warning: could not delete {Path}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            Console.Error.WriteLine($"warning: could not delete {Path}: {ex.Message}");
        }
    }
}
