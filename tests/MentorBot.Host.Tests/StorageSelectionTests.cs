using System.Net;
using System.Net.Sockets;
using MentorBot.Core.Storage;
using MentorBot.Host.Tests.Support;
using MentorBot.Storage.LiteDb;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Host.Tests;

/// <summary>Storage:Provider chooses the provider; StartupCheck turns every bad storage setting into one line.</summary>
public sealed class StorageSelectionTests : IDisposable
{
    private const string Password = "s3cret-Pa55";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Without_a_provider_the_host_uses_the_LiteDB_file()
    {
        await using var app = Build(new() { ["Storage:Provider"] = null });

        Assert.Null(StartupCheck.Run(app.Services));
        Assert.IsType<LiteDbStorageHealth>(app.Services.GetRequiredService<IStorageHealth>());
        Assert.True(File.Exists(_temp.DatabasePath));
    }

    [Theory]
    [InlineData("LiteDb")]
    [InlineData("litedb")]
    public async Task LiteDb_is_accepted_in_any_case(string provider)
    {
        await using var app = Build(new() { ["Storage:Provider"] = provider });

        Assert.Null(StartupCheck.Run(app.Services));
    }

    [Fact]
    public async Task Postgres_with_a_reachable_server_is_migrated_and_serves_every_store()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync();
        try
        {
            await using (var app = Build(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = server.ConnectionStringFor(database) }))
            {
                Assert.Null(StartupCheck.Run(app.Services));
                var health = app.Services.GetRequiredService<IStorageHealth>();
                Assert.IsType<MentorBot.Storage.Postgres.PostgresStorageHealth>(health);
                Assert.True(await health.PingAsync());
                Assert.IsType<MentorBot.Storage.Postgres.PostgresDeliveryOutbox>(app.Services.GetRequiredService<MentorBot.Core.Delivery.IDeliveryOutbox>());
            }

            Assert.False(File.Exists(_temp.DatabasePath));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task An_unknown_provider_is_one_line_naming_the_key_and_opens_nothing()
    {
        await using var app = Build(new() { ["Storage:Provider"] = "Mongo" });

        var problem = StartupCheck.Run(app.Services);

        Assert.Equal("Invalid configuration: Storage:Provider must be LiteDb or Postgres, not 'Mongo'.", problem);
        Assert.False(File.Exists(_temp.DatabasePath));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_one_line_naming_the_key()
    {
        await using var app = Build(new() { ["Storage:Provider"] = "Postgres" });

        var problem = StartupCheck.Run(app.Services);

        Assert.NotNull(problem);
        Assert.StartsWith("Invalid configuration: Storage:ConnectionString must be set", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
        Assert.False(File.Exists(_temp.DatabasePath));
    }

    [Fact]
    public async Task Postgres_with_a_malformed_connection_string_names_the_key_without_the_password()
    {
        await using var app = Build(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = $"Host=db;Port=notaport;Password={Password}" });

        var problem = StartupCheck.Run(app.Services);

        Assert.NotNull(problem);
        Assert.Contains("Storage:ConnectionString", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_Postgres_is_a_clear_message_without_password_or_stack_trace()
    {
        var port = ClosedPort();
        await using var app = Build(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = $"Host=127.0.0.1;Port={port};Database=mentorbot;Username=bot;Password={Password};Timeout=5",
        });

        var problem = StartupCheck.Run(app.Services);

        Assert.NotNull(problem);
        Assert.StartsWith($"Cannot use the PostgreSQL database 127.0.0.1:{port}/mentorbot (Storage:ConnectionString): ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", problem, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.DatabasePath));
    }

    private WebApplication Build(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = _temp.DatabasePath,
            ["Knowledge:Path"] = TestPaths.BesideApp,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Console:Enabled"] = "false",
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        return BotApplication.Build(["--urls", "http://127.0.0.1:0"], configure: cfg => cfg.AddInMemoryCollection(settings));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
