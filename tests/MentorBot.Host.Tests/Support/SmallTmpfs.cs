using System.Diagnostics;

namespace MentorBot.Host.Tests.Support;

/// <summary>
/// A tmpfs of a few megabytes mounted on a fresh folder, to run the host on a disk that fills up for real. Mounting
/// needs Linux and root; <see cref="TryMount"/> says why it could not, for the test to report as its skip reason.
/// </summary>
internal sealed class SmallTmpfs : IDisposable
{
    private readonly TempFolder _folder;

    private SmallTmpfs(TempFolder folder) => _folder = folder;

    public string Path => _folder.Path;

    public static SmallTmpfs? TryMount(int megabytes, out string whyNot)
    {
        whyNot = "";
        if (!OperatingSystem.IsLinux())
        {
            whyNot = "needs Linux to mount a small tmpfs";
            return null;
        }
        if (!Environment.IsPrivilegedProcess)
        {
            whyNot = "needs root to mount a small tmpfs (run the tests as root, as CI does)";
            return null;
        }

        var folder = new TempFolder();
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder.Path);
        if (code != 0)
        {
            folder.Dispose();
            whyNot = $"mount -t tmpfs was not permitted here (exit {code}: {error.Trim()})";
            return null;
        }
        return new SmallTmpfs(folder);
    }

    /// <summary>Writes a filler file until the disk refuses; returns its path.</summary>
    public string Fill()
    {
        var path = System.IO.Path.Combine(Path, "filler");
        using var filler = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        foreach (var chunk in new[] { 1 << 16, 1 << 12, 1 })
        {
            var buffer = new byte[chunk];
            try
            {
                while (true)
                {
                    filler.Write(buffer);
                    filler.Flush();
                }
            }
            catch (IOException)
            {
                // Full for this chunk size; the smaller ones take what is left.
            }
        }
        return path;
    }

    public void Dispose()
    {
        // Lazy, so a file a host still holds open does not keep the mount (and the test run) hanging.
        Run("umount", "-l", Path);
        _folder.Dispose();
    }

    private static (int Code, string Error) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
