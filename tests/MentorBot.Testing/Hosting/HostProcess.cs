using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MentorBot.Testing.Hosting;

/// <summary>
/// A built MentorBot.Host.dll as a long-running child process configured through environment variables, with its
/// output kept (the last lines) for failure messages. Disposing kills it if it still runs.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's process id, e.g. to read its CPU time from <c>/proc</c>.</summary>
    public int Id => _process.Id;

    /// <summary>The last lines the host wrote (stdout and stderr interleaved).</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>Starts <paramref name="hostDll"/> with the <paramref name="dotnet"/> muxer.</summary>
    public static HostProcess Start(string dotnet, string hostDll, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(hostDll))
            throw new FileNotFoundException($"{hostDll} is missing", hostDll);
        // A runner started in the background by a non-interactive shell ignores SIGINT, and a child inherits that (the
        // runtime keeps an inherited SIG_IGN, as Unix programs do). GNU env restores the default, so the host gets
        // Ctrl-C as it would in a terminal; env execs the muxer, so the process id stays the host's.
        var resetInterrupt = InterruptIgnored() && File.Exists("/usr/bin/env");
        var start = new ProcessStartInfo(resetInterrupt ? "/usr/bin/env" : dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (resetInterrupt)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(dotnet);
        }
        start.ArgumentList.Add(hostDll);

        // Nothing from the test runner's environment may point the child at other storage, knowledge or platforms.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Knowledge__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Console__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Discord__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Slack__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Delivery__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(key);
        }
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Whether this process ignores SIGINT, read from the SigIgn mask in <c>/proc/self/status</c> (Linux).</summary>
    private static bool InterruptIgnored()
    {
        const ulong SigInt = 1UL << (2 - 1);
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & SigInt) != 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits for the process to end on its own and returns its exit code, with all of its output read; throws with the
    /// output when it is still running after <paramref name="timeout"/>.
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The host did not exit within {timeout}. Its output:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL on Unix: no shutdown code runs, exactly like <c>kill -9</c>.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Sends a Unix signal (<c>SIGTERM</c> is what <c>docker stop</c> sends, <c>SIGINT</c> is Ctrl-C).</summary>
    public void Signal(UnixSignal signal)
    {
        if (kill(_process.Id, (int)signal) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project for one test-only call.
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _lines.Enqueue(line);
        while (_lines.Count > KeptLines)
            _lines.TryDequeue(out _);
    }
}
