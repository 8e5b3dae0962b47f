namespace MentorBot.Host.Tests.Support;

internal static class TestPaths
{
    /// <summary>The knowledge folder copied beside the test assembly (and beside MentorBot.Host.dll).</summary>
    public static string BesideApp { get; } = Path.Combine(AppContext.BaseDirectory, "knowledge");

    /// <summary>The repository's own <c>knowledge/</c> folder, found by walking up to <c>MentorBot.sln</c>.</summary>
    public static string RepoKnowledge { get; } = FindRepoKnowledge();

    public static string HostDll { get; } = Path.Combine(AppContext.BaseDirectory, "MentorBot.Host.dll");

    /// <summary>The <c>dotnet</c> muxer that runs the tests (the SDK sets DOTNET_HOST_PATH for test runs).</summary>
    public static string Dotnet { get; } = FindDotnet();

    /// <summary>Copies a folder tree, e.g. the knowledge folder into a temp folder to break it.</summary>
    public static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepoKnowledge()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
                return Path.Combine(directory.FullName, "knowledge");
        }

        throw new InvalidOperationException($"No MentorBot.sln above {AppContext.BaseDirectory}.");
    }

    private static string FindDotnet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
            return host;
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return process;
        return "dotnet";
    }
}
