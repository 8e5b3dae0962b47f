using System.Text.RegularExpressions;
using MentorBot.Host.Tests.Support;

namespace MentorBot.Host.Tests;

/// <summary>
/// The Dockerfile restores from the project files alone, so a project it does not copy before restore would be
/// restored nowhere and the publish step (which does not restore) would fail. Docker is not needed to check that.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Root = Path.GetDirectoryName(TestPaths.RepoKnowledge)!;

    [Fact]
    public void Every_source_project_is_copied_before_the_restore_and_the_health_verb_is_the_healthcheck()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile"));
        var restore = Array.FindIndex(dockerfile, l => l.StartsWith("RUN dotnet restore ", StringComparison.Ordinal));
        var sources = Array.FindIndex(dockerfile, l => l.StartsWith("COPY src/ ", StringComparison.Ordinal));
        Assert.True(restore > 0 && sources > restore, "the restore must come before the sources are copied");

        var copied = dockerfile[..restore]
            .Select(l => CopiedProject().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Order(StringComparer.Ordinal);
        var projects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(projects, copied);

        Assert.Contains(dockerfile, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.EndsWith("CMD [\"dotnet\", \"MentorBot.Host.dll\", \"health\"]", StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal) && l.EndsWith(" --no-restore", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^COPY (src/\S+\.csproj) ")]
    private static partial Regex CopiedProject();
}
