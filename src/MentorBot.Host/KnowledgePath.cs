using Microsoft.Extensions.Configuration;

namespace MentorBot.Host;

/// <summary>
/// Finds the knowledge folder: <c>Knowledge:Path</c> as given when absolute or present relative to the current
/// directory, otherwise the copy published beside the application (so the binary runs from anywhere).
/// </summary>
internal static class KnowledgePath
{
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration["Knowledge:Path"];
        var path = string.IsNullOrWhiteSpace(configured) ? "knowledge" : configured;
        if (Path.IsPathRooted(path) || Directory.Exists(path))
            return path;
        var besideApp = Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(besideApp) ? besideApp : path;
    }
}
