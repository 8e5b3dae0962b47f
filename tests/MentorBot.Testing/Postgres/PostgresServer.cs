using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MentorBot.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests and benchmarks create their databases on: the one named by
/// <c>MENTORBOT_TEST_POSTGRES</c>, or else a private server started with the installed binaries (initdb into a temp
/// directory, loopback only, trust authentication) and stopped and deleted when the process exits.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "MENTORBOT_TEST_POSTGRES";

    private const string DirectoryPrefix = "mentorbot-pg-";
    private const string OwnerFile = "owner.pid";

    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => Task.Run(() => Start(durable: false)));

    private PostgresServer(string adminConnectionString, string description)
    {
        AdminConnectionString = adminConnectionString;
        Description = description;
    }

    /// <summary>A superuser connection to the server's maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Where the server is and how it stores data, for benchmark reports.</summary>
    public string Description { get; }

    /// <summary>One server per test process, shared by every test; durability is off, as tests never crash the server.</summary>
    public static Task<PostgresServer> SharedAsync() => SharedServer.Value;

    /// <summary>
    /// A private server of its own with PostgreSQL's default durability (fsync, synchronous commit, full-page writes),
    /// so that benchmarks compare it fairly with a LiteDB file that flushes every commit.
    /// </summary>
    public static Task<PostgresServer> StartDurableAsync() => Task.Run(() => Start(durable: true));

    /// <summary>The connection string of database <paramref name="name"/> on this server.</summary>
    public string ConnectionStringFor(string name) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true, MaxPoolSize = 16 }.ConnectionString;

    /// <summary>Creates an empty database with a random name, so every test can run beside every other.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"mentorbot_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>The server's own word on its durability, e.g. <c>fsync=on, synchronous_commit=on</c>, for benchmark reports.</summary>
    public async Task<string> DurabilityAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        var settings = new List<string>();
        foreach (var name in new[] { "fsync", "synchronous_commit", "full_page_writes" })
        {
            await using var command = new NpgsqlCommand($"SHOW {name}", connection);
            settings.Add($"{name}={await command.ExecuteScalarAsync()}");
        }
        return string.Join(", ", settings);
    }

    public async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static PostgresServer Start(bool durable)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return new PostgresServer(configured, $"the server named by {EnvironmentVariable}");

        var bin = FindBinaries(Environment.GetEnvironmentVariable("PATH"), "/usr/lib/postgresql")
            ?? InstallDebianPackage()
            ?? throw new InvalidOperationException(MissingBinariesMessage());

        // The runner may kill the test process before the exit handler below finishes; clear up after such runs first.
        RemoveAbandonedServers(bin);
        var root = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var data = Path.Combine(root, "data");
        var log = Path.Combine(root, "server.log");
        // initdb and postgres refuse to run as root; the data directory must then belong to the postgres user.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            Run("chown", ["postgres:postgres", root], asPostgres: false);

        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot);
        var port = FreePort();
        // Tests never crash the server, so they skip the flushes; a benchmark keeps them, as production would.
        var durability = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1{durability} -c max_connections=300";
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"], asRoot, log);

        // Nothing may escape an exit handler (it would crash the test host after a green run); what is left here is
        // cleared by the next run's RemoveAbandonedServers.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot);
                Directory.Delete(root, recursive: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine($"Could not stop the test PostgreSQL in {root}: {ex.Message}");
            }
        };

        return new PostgresServer(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
        }.ConnectionString, $"a private PostgreSQL in {root}, {(durable ? "fsync on (durable defaults)" : "fsync off")}");
    }

    /// <summary>Stops and deletes the private servers of earlier test processes that are no longer running.</summary>
    private static void RemoveAbandonedServers(string bin)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), $"{DirectoryPrefix}*"))
        {
            try
            {
                var owner = Path.Combine(root, OwnerFile);
                // A directory so new that its owner has not been written yet belongs to a process starting right now.
                if (!File.Exists(owner) && TimeProvider.System.GetUtcNow() - Directory.GetCreationTimeUtc(root) < TimeSpan.FromMinutes(1))
                    continue;
                if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && IsRunning(pid))
                    continue;
                if (Directory.Exists(Path.Combine(root, "data")) && File.Exists(Path.Combine(root, "data", "postmaster.pid")))
                    Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
            }
            catch (InvalidOperationException)
            {
                // Already stopped: the pid file was stale.
            }
            catch (IOException)
            {
                continue;
            }

            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Another test process may be creating it right now; the next run tries again.
            }
            catch (UnauthorizedAccessException)
            {
                // Someone else's; leave it.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>initdb and pg_ctl from PATH, else the newest <c>/usr/lib/postgresql/N/bin</c> (where Debian puts them).</summary>
    public static string? FindBinaries(string? pathVariable, string debianRoot)
    {
        var path = (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var debian = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return path.Concat(debian).FirstOrDefault(d => Usable(Path.Combine(d, "initdb")) && Usable(Path.Combine(d, "pg_ctl")));
    }

    // Removing Debian's server package leaves /usr/local/bin links to it dangling; such a link is no binary.
    private static bool Usable(string file)
    {
        var info = new FileInfo(file);
        return info.Exists && (info.LinkTarget is null || info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true });
    }

    /// <summary>
    /// `dotnet test` on a fresh Debian machine must need nothing but the .NET SDK, so when the binaries are missing and
    /// this process may use apt (root on Linux), the tests install Debian's package themselves, once: a lock file keeps
    /// the test projects that run side by side from racing each other for apt's own lock.
    /// </summary>
    private static string? InstallDebianPackage()
    {
        const string AptGet = "/usr/bin/apt-get";
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists(AptGet))
            return null;
        using var gate = AcquireInstallLock(Path.Combine(Path.GetTempPath(), "mentorbot-pg-install.lock"));
        var bin = FindBinaries(Environment.GetEnvironmentVariable("PATH"), "/usr/lib/postgresql");
        if (bin is not null)
            return bin;
        Run(AptGet, ["-qq", "update"], asPostgres: false, timeout: TimeSpan.FromMinutes(10));
        Run(AptGet, ["-y", "-qq", "-o", "DPkg::Lock::Timeout=600", "install", "postgresql"], asPostgres: false, timeout: TimeSpan.FromMinutes(15));
        return FindBinaries(Environment.GetEnvironmentVariable("PATH"), "/usr/lib/postgresql");
    }

    private static FileStream AcquireInstallLock(string path)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(20))
            {
                Thread.Sleep(500);
            }
        }
    }

    /// <summary>Why the tests cannot run, and the two ways to fix it.</summary>
    public static string MissingBinariesMessage() =>
        "No PostgreSQL server binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql/*/bin. " +
        $"Install the Debian package 'postgresql' (apt-get install -y postgresql), or set {EnvironmentVariable} to the connection string of a server where the tests may create databases.";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> args, bool asPostgres, string? logFile = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // apt must never stop to ask a question: there is nobody to answer it.
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(a);
        }

        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within {limit.TotalMinutes:0} minutes.");
        }

        if (process.ExitCode != 0)
        {
            var log = logFile is not null && File.Exists(logFile) ? File.ReadAllText(logFile) : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {error.Result}{output.Result}{log}");
        }
    }
}
