using MentorBot.Storage.Contract;

namespace MentorBot.Storage.Postgres.Tests;

// The shared behavioural suite, run against PostgreSQL. Each test gets its own freshly created database.

public sealed class PostgresLearnerStoreTests : LearnerStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresActivityStoreTests : ActivityStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresSubscriptionStoreTests : SubscriptionStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresChallengeStoreTests : ChallengeStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresDeliveryOutboxTests : DeliveryOutboxContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresConcurrencyTests : ConcurrencyContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresDeliveryCrashTests : DeliveryCrashContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresDirectChannelStoreTests : DirectChannelStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresChallengeCloseRaceTests : ChallengeCloseRaceContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresLearnerDataStoreTests : LearnerDataStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresDashboardStoreTests : DashboardStoreContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresCommunityReportsTests : CommunityReportsContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}

public sealed class PostgresQuestionLogTests : QuestionLogContract
{
    protected override Task<IStorageDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();
}
