using MentorBot.Core.Delivery;
using MentorBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Challenges;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Storage.Postgres.Tests;

public sealed class PostgresStorageTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_missing_connection_string_names_the_key(string? connectionString)
    {
        var problem = new PostgresStorageOptions { ConnectionString = connectionString }.Problem();

        Assert.NotNull(problem);
        Assert.StartsWith("Storage:ConnectionString must be set", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Bogus=1;Password=hunter2")]
    [InlineData("Host=db;Port=notaport;Password=hunter2")]
    [InlineData("Database=x;Password=hunter2")]
    public void An_invalid_connection_string_names_the_key_and_not_the_password(string connectionString)
    {
        var problem = new PostgresStorageOptions { ConnectionString = connectionString }.Problem();

        Assert.NotNull(problem);
        Assert.Contains("Storage:ConnectionString", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void A_valid_connection_string_has_no_problem_and_its_description_holds_no_password()
    {
        const string connectionString = "Host=db.example;Port=6543;Database=mentorbot;Username=bot;Password=hunter2";

        Assert.Null(new PostgresStorageOptions { ConnectionString = connectionString }.Problem());
        Assert.Equal("db.example:6543/mentorbot", PostgresStorageOptions.Describe(connectionString));
    }

    [Fact]
    public void An_unreachable_server_fails_with_an_npgsql_exception_not_a_hang()
    {
        var options = new PostgresStorageOptions { ConnectionString = $"Host=127.0.0.1;Port={ClosedPort()};Database=x;Username=x;Password=hunter2;Timeout=5" };

        var ex = Assert.ThrowsAny<NpgsqlException>(() => new PostgresStorage(options));

        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_resolves_every_store_over_one_migrated_storage()
    {
        await using var database = await PostgresTestDatabase.CreateDatabaseAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = database.ConnectionString })
            .Build();

        await using (var provider = new ServiceCollection().AddPostgresStorage(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            Assert.Same(provider.GetRequiredService<PostgresStorage>(), provider.GetRequiredService<PostgresStorage>());
            Assert.IsType<PostgresLearnerStore>(provider.GetRequiredService<ILearnerStore>());
            Assert.IsType<PostgresActivityStore>(provider.GetRequiredService<IActivityStore>());
            Assert.IsType<PostgresSubscriptionStore>(provider.GetRequiredService<ISubscriptionStore>());
            Assert.IsType<PostgresChallengeStore>(provider.GetRequiredService<IChallengeStore>());
            Assert.IsType<PostgresDeliveryOutbox>(provider.GetRequiredService<IDeliveryOutbox>());
            Assert.IsType<PostgresUndeliverableNotices>(provider.GetRequiredService<IUndeliverableNotices>());
            Assert.IsType<PostgresDirectChannelStore>(provider.GetRequiredService<IDirectChannelStore>());
            var health = provider.GetRequiredService<IStorageHealth>();
            Assert.IsType<PostgresStorageHealth>(health);
            Assert.True(await health.PingAsync());
            Assert.Equal(PostgresMigrations.Latest, health.SchemaVersion);
            await provider.GetRequiredService<ILearnerStore>().UpsertAsync(new LearnerProfile(Alice, "Alice", "UTC", 1, [Guild], At));
        }

        Assert.NotNull(await database.Stores.Learners.GetAsync(Alice));
    }

    [Fact]
    public async Task The_outbox_refuses_a_second_entry_for_a_learners_week_even_under_another_key()
    {
        await using var database = await PostgresTestDatabase.CreateDatabaseAsync();
        var slot = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var record = new DeliveryRecord(DeliveryKeys.For(Alice, "2026-W48"), Alice, Guild, slot, "2026-W48", 1, DeliveryKind.Task,
            DeliveryRecordStatus.Pending, 0, slot, slot, null, null);

        Assert.True(await database.Stores.Outbox.TryEnqueueAsync(record));
        Assert.False(await database.Stores.Outbox.TryEnqueueAsync(record with { Key = "some-other-key" }));

        Assert.Null(await database.Stores.Outbox.GetAsync("some-other-key"));
    }

    [Fact]
    public async Task Health_ping_is_false_once_the_storage_is_closed()
    {
        await using var database = await PostgresTestDatabase.CreateDatabaseAsync();
        var storage = database.Open();
        var health = new PostgresStorageHealth(storage);
        Assert.True(await health.PingAsync());

        await storage.DisposeAsync();

        Assert.False(await health.PingAsync());
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
