using Microsoft.Extensions.Configuration;

namespace MentorBot.Host;

/// <summary>
/// Finds the knowledge folder from <c>Knowledge:Path</c>: as given when absolute; otherwise relative to the current
/// directory or one of its parents (<c>dotnet run --project</c> may start in the project folder, and authors expect
/// edits to the repository's own <c>knowledge/</c> to reload); otherwise the copy published beside the binary.
/// </summary>
internal static class KnowledgePath
{
    private const int ParentLevels = 4;

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration["Knowledge:Path"];
        var path = string.IsNullOrWhiteSpace(configured) ? "knowledge" : configured;
        if (Path.IsPathRooted(path))
            return path;

        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        for (var level = 0; directory is not null && level <= ParentLevels; level++, directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, path);
            if (Directory.Exists(Path.Combine(candidate, "faq")))
                return level == 0 ? path : candidate;
        }

        var besideApp = Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(besideApp) ? besideApp : path;
    }
}
