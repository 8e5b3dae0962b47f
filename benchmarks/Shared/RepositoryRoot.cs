namespace MentorBot.Benchmarks.Shared;

/// <summary>The folder holding <c>MentorBot.sln</c>, found by walking up from the current directory, then from the binary's.</summary>
internal static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
                    return directory.FullName;
            }
        }
        return null;
    }
}
