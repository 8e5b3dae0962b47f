using MentorBot.Core.Delivery;
using MentorBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Challenges;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Storage.LiteDb.Tests;

public sealed class LiteDbServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mentorbot-storage-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Resolves_every_store_over_one_context_at_the_configured_path()
    {
        var path = Path.Combine(_directory, "nested", "bot.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = path })
            .Build();

        var services = new ServiceCollection().AddLiteDbStorage(configuration);
        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            Assert.Equal(path, provider.GetRequiredService<IOptions<LiteDbStorageOptions>>().Value.DatabasePath);
            var context = provider.GetRequiredService<LiteDbContext>();
            Assert.Same(context, provider.GetRequiredService<LiteDbContext>());
            Assert.Equal(Path.GetFullPath(path), context.DatabasePath);

            Assert.IsType<LiteDbLearnerStore>(provider.GetRequiredService<ILearnerStore>());
            Assert.IsType<LiteDbActivityStore>(provider.GetRequiredService<IActivityStore>());
            Assert.IsType<LiteDbSubscriptionStore>(provider.GetRequiredService<ISubscriptionStore>());
            Assert.IsType<LiteDbChallengeStore>(provider.GetRequiredService<IChallengeStore>());
            Assert.IsType<LiteDbDeliveryOutbox>(provider.GetRequiredService<IDeliveryOutbox>());
            Assert.IsType<LiteDbUndeliverableNotices>(provider.GetRequiredService<IUndeliverableNotices>());
            Assert.IsType<LiteDbDirectChannelStore>(provider.GetRequiredService<IDirectChannelStore>());
            var health = provider.GetRequiredService<IStorageHealth>();
            Assert.IsType<LiteDbStorageHealth>(health);

            Assert.True(await health.PingAsync());
            Assert.Equal(LiteDbContext.CurrentSchemaVersion, health.SchemaVersion);
            await provider.GetRequiredService<ILearnerStore>().UpsertAsync(new LearnerProfile(Alice, "Alice", "UTC", 1, [Guild], At));
            Assert.True(File.Exists(path));
        }

        // Disposing the provider disposed the context, so the file can be opened again.
        using var reopened = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = path });
        Assert.NotNull(await new LiteDbLearnerStore(reopened).GetAsync(Alice));
    }

    [Fact]
    public void Uses_default_path_when_not_configured()
    {
        var services = new ServiceCollection().AddLiteDbStorage(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.Equal("data/mentorbot.db", provider.GetRequiredService<IOptions<LiteDbStorageOptions>>().Value.DatabasePath);
    }
}
