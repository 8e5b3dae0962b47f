using System.Reflection;
using MentorBot.Core.Storage;
using MentorBot.Storage.LiteDb;
using MentorBot.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MentorBot.Core.Learners;

namespace MentorBot.Host.Tests;

/// <summary>
/// Both storage providers register every store interface of the core. The list of stores is not written here:
/// it is read from <see cref="StoreFactories{TStorage}"/> (the one list both providers fill in) and from the
/// core interfaces the provider assemblies implement, so a store added to either is checked without editing this test.
/// </summary>
public sealed class StoreProviderRegistrationTests
{
    private static readonly Assembly Core = typeof(StoreFactories<>).Assembly;

    /// <summary>The store types the shared list names: the return type of each factory.</summary>
    private static List<Type> StoreInterfaces() => typeof(StoreFactories<>)
        .GetConstructors().Single().GetParameters()
        .Select(p => p.ParameterType.GetGenericArguments()[^1])
        .ToList();

    [Fact]
    public void Every_core_interface_a_provider_implements_is_in_the_shared_store_list()
    {
        var listed = StoreInterfaces();
        Assert.Contains(typeof(ILearnerStore), listed);

        var implemented = new[] { typeof(LiteDbContext).Assembly, typeof(PostgresStorage).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract)
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.Assembly == Core)
            .Distinct()
            .ToList();

        Assert.NotEmpty(implemented);
        Assert.All(implemented, i => Assert.True(listed.Contains(i), $"{i.Name} is implemented by a provider but is not in StoreFactories, so neither provider registers it"));
    }

    public static TheoryData<string> Providers => new() { "LiteDb", "Postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_provider_registers_every_store_interface_once(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(Path.GetTempPath(), "unused.db"),
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Database=unused",
        }).Build();
        var services = new ServiceCollection();
        _ = provider == "LiteDb" ? services.AddLiteDbStorage(configuration) : services.AddPostgresStorage(configuration);

        // Only the registrations are read: nothing is resolved, so no database is opened.
        foreach (var store in StoreInterfaces())
        {
            var registrations = services.Where(d => d.ServiceType == store).ToList();
            Assert.True(registrations.Count == 1, $"{provider} registers {store.Name} {registrations.Count} times");
            Assert.Equal(ServiceLifetime.Singleton, registrations[0].Lifetime);
        }
    }
}
