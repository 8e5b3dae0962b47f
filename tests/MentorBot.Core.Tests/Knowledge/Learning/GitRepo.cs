using System.Diagnostics;

namespace MentorBot.Core.Tests.Knowledge.Learning;

/// <summary>A throwaway git repository holding a copy of a knowledge folder, for applying patches with the real git.</summary>
internal sealed class GitRepo : IDisposable
{
    public GitRepo(string knowledgeSource)
    {
        Root = Directory.CreateTempSubdirectory("mentorbot-git-").FullName;
        KnowledgeCopy.Copy(knowledgeSource, Path.Combine(Root, "knowledge"));
        Git("init", "-q");
    }

    public string Root { get; }

    /// <summary>Runs <c>git apply</c> on the patch from the repository root; throws with git's message when it refuses.</summary>
    public void Apply(string patch)
    {
        var file = Path.Combine(Root, "..", Path.GetFileName(Root) + ".patch");
        File.WriteAllText(file, patch);
        try
        {
            Git("apply", "--whitespace=nowarn", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath));

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}");
    }
}

/// <summary>Copies of the shipped knowledge folder that a test may change.</summary>
internal static class KnowledgeCopy
{
    public static TempKnowledgeFolder OfShipped()
    {
        var folder = new TempKnowledgeFolder();
        Copy(RepoPaths.KnowledgeRoot, folder.Root);
        return folder;
    }

    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
    }
}
