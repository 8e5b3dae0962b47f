using MentorBot.Storage.Contract;

namespace MentorBot.Storage.LiteDb.Tests;

// The shared behavioural suite, run against LiteDB. Each test gets its own database file.

public sealed class LiteDbLearnerStoreTests : LearnerStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbActivityStoreTests : ActivityStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbSubscriptionStoreTests : SubscriptionStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbChallengeStoreTests : ChallengeStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbDeliveryOutboxTests : DeliveryOutboxContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbConcurrencyTests : ConcurrencyContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbDeliveryCrashTests : DeliveryCrashContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbDirectChannelStoreTests : DirectChannelStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbChallengeCloseRaceTests : ChallengeCloseRaceContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbLearnerDataStoreTests : LearnerDataStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbDashboardStoreTests : DashboardStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbCommunityReportsTests : CommunityReportsContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}

public sealed class LiteDbQuestionLogTests : QuestionLogContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => LiteDbTestDatabase.CreateAsync();
}
