using MentorBot.Core.Delivery;
using MentorBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MentorBot.Core.Challenges;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Learners;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Core.Tests.DependencyInjection;

/// <summary>How a storage provider's <see cref="StoreFactories{TStorage}"/> become the container's stores.</summary>
public sealed class StoreRegistrationTests
{
    private sealed class Storage;

    private readonly Storage _storage = new();
    private readonly Dictionary<Type, object> _made = [];

    [Fact]
    public void Every_store_is_one_singleton_built_from_the_providers_storage()
    {
        using var provider = Register(new ServiceCollection()).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        foreach (var type in new[]
        {
            typeof(ILearnerStore), typeof(IActivityStore), typeof(ISubscriptionStore), typeof(IChallengeStore),
            typeof(IDeliveryOutbox), typeof(IUndeliverableNotices), typeof(IDirectChannelStore), typeof(IStorageHealth),
            typeof(IReplayGuard), typeof(IDashboardStore), typeof(IQuestionLog), typeof(MentorBot.Core.Reports.ICommunityReports),
            typeof(MentorBot.Core.Privacy.ILearnerDataStore), typeof(MentorBot.Core.Privacy.IForgetRequests),
        })
        {
            var first = provider.GetRequiredService(type);
            Assert.Same(first, provider.GetRequiredService(type));
            Assert.Same(_made[type], first);
        }
        // Every store the factories record lists, so a store added later without a line above fails here.
        Assert.Equal(typeof(StoreFactories<Storage>).GetProperties().Length, _made.Count);
    }

    [Fact]
    public void A_store_registered_first_is_kept()
    {
        var own = new Mock<IDeliveryOutbox>().Object;
        var services = new ServiceCollection().AddSingleton(own);

        using var provider = Register(services).BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<IDeliveryOutbox>());
        Assert.NotNull(provider.GetRequiredService<ILearnerStore>());
    }

    private IServiceCollection Register(IServiceCollection services) => services
        .AddSingleton(_storage)
        .AddStores(new StoreFactories<Storage>(
            Learners: s => Make<ILearnerStore>(s),
            Activity: s => Make<IActivityStore>(s),
            Subscriptions: s => Make<ISubscriptionStore>(s),
            Challenges: s => Make<IChallengeStore>(s),
            Outbox: s => Make<IDeliveryOutbox>(s),
            UndeliverableNotices: s => Make<IUndeliverableNotices>(s),
            DirectChannels: s => Make<IDirectChannelStore>(s),
            Reports: s => Make<MentorBot.Core.Reports.ICommunityReports>(s),
            Health: (s, sp) => Make<IStorageHealth>(s),
            ReplayGuard: (s, sp) => Make<IReplayGuard>(s),
            LearnerData: s => Make<MentorBot.Core.Privacy.ILearnerDataStore>(s),
            Dashboard: s => Make<IDashboardStore>(s),

            QuestionLog: s => Make<IQuestionLog>(s),
            ForgetRequests: s => Make<MentorBot.Core.Privacy.IForgetRequests>(s)));

    private T Make<T>(Storage storage) where T : class
    {
        Assert.Same(_storage, storage);
        var made = new Mock<T>().Object;
        _made[typeof(T)] = made;
        return made;
    }
}
