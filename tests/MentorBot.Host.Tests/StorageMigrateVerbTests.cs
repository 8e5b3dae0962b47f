using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Core.Storage;
using MentorBot.Host.Cli;
using MentorBot.Host.Tests.Support;
using MentorBot.Storage.LiteDb;
using MentorBot.Storage.Postgres;
using Npgsql;
using MentorBot.Core.Challenges;
using MentorBot.Core.Learners;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;

namespace MentorBot.Host.Tests;

/// <summary><c>storage migrate</c> from a real LiteDB file into a fresh database on a real PostgreSQL server.</summary>
public sealed class StorageMigrateVerbTests : FreshPostgresDatabase
{
    private static readonly LearnerId Alice = new("discord", "alice");
    private static readonly LearnerId Bob = new("slack", "U02BOB");
    private static readonly CommunityId Guild = new("discord", "guild");
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(5.5)).AddTicks(5_897_932);
    private static readonly DateOnly Day = new(2026, 3, 14);


    [Fact]
    public async Task Copies_every_collection_prints_verified_counts_and_is_idempotent()
    {
        var expected = await FillLiteDbAsync();

        var (code, output, error) = Run("storage", "migrate", "--from", $"litedb:{Temp.DatabasePath}", "--to", $"postgres:{ConnectionString}");

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Equal("", error);
        foreach (var (table, count) in new[]
        {
            ("learners", 2), ("checkins", 3), ("task_completions", 1), ("streak_summaries", 1), ("subscriptions", 2), ("challenges", 2),
            ("challenge_submissions", 2), ("deliveries", 2), ("undeliverable_notices", 1), ("dm_channels", 1), ("delivery_cursor", 1),
        })
        {
            Assert.Matches($@"(?m)^  {table} +{count} +{count} +0 +{count}$", output);
        }

        Assert.Contains("Verified: all 18 rows are in PostgreSQL (18 copied now).", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", output, StringComparison.OrdinalIgnoreCase);

        await using (var postgres = new PostgresStorage(new PostgresStorageOptions { ConnectionString = ConnectionString }))
        {
            var alice = await new PostgresLearnerStore(postgres).GetAsync(Alice);
            Assert.Equal(expected.Alice with { Communities = Array.Empty<CommunityId>() }, alice! with { Communities = Array.Empty<CommunityId>() });
            Assert.Equal(expected.Alice.Communities, alice.Communities);
            var activity = new PostgresActivityStore(postgres);
            Assert.Equal(3, (await activity.ListCheckinsAsync(Alice)).Count);
            Assert.False(await activity.TryAddCheckinAsync(new Checkin(Alice, Day, At, "again")));
            Assert.Equal(expected.Summary, await activity.GetStreakSummaryAsync(Alice));
            Assert.Equal(expected.Subscription, await new PostgresSubscriptionStore(postgres).GetAsync(Bob));
            var challenges = new PostgresChallengeStore(postgres);
            Assert.Equal(expected.Closed, await challenges.GetAsync(expected.Closed.Id));
            Assert.Equal(2, (await challenges.ListSubmissionsAsync(expected.Closed.Id)).Count);
            Assert.Equal(3, (await challenges.CreateAsync(expected.Closed with { Title = "after the move" })).Id);
            var outbox = new PostgresDeliveryOutbox(postgres);
            Assert.Equal(expected.Sent, await outbox.GetAsync(expected.Sent.Key));
            Assert.Equal(expected.Cursor, await outbox.GetCursorAsync());
            Assert.Equal("DMs closed", (await new PostgresUndeliverableNotices(postgres).TryConsumeAsync(Bob))?.Reason);
            Assert.Equal("D024BE91L", await new PostgresDirectChannelStore(postgres).GetAsync(Bob));
        }

        // Again: nothing new is copied, what is there is kept (the consumed notice comes back; the new challenge stays).
        var (again, secondOutput, secondError) = Run("storage", "migrate", "--to", $"postgres:{ConnectionString}", "--from", $"litedb:{Temp.DatabasePath}");

        Assert.True(again == 0, $"exit {again}\n{secondOutput}\n{secondError}");
        Assert.Matches(@"(?m)^  learners +2 +0 +2 +2$", secondOutput);
        Assert.Matches(@"(?m)^  undeliverable_notices +1 +1 +0 +1$", secondOutput);
        Assert.Contains("Verified: all 18 rows are in PostgreSQL (1 copied now).", secondOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data/x.db", "postgres:Host=db")]
    [InlineData("litedb:data/x.db", "Host=db")]
    [InlineData("litedb:data/x.db", "postgres:Database=x;Password=hunter2")]
    public void Malformed_arguments_exit_2_with_a_message_and_no_password(string from, string to)
    {
        var (code, output, error) = Run("storage", "migrate", "--from", from, "--to", to);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.NotEqual("", error);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_LiteDB_file_is_reported_and_not_created()
    {
        var (code, _, error) = Run("storage", "migrate", "--from", $"litedb:{Temp.DatabasePath}", "--to", $"postgres:{ConnectionString}");

        Assert.Equal(1, code);
        Assert.Contains("There is no LiteDB file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Temp.DatabasePath));
    }

    [Fact]
    public async Task Refuses_a_LiteDB_file_a_running_host_holds()
    {
        await FillLiteDbAsync();
        using var host = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = Temp.DatabasePath });

        var (code, output, error) = Run("storage", "migrate", "--from", $"litedb:{Temp.DatabasePath}", "--to", $"postgres:{ConnectionString}");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"another MentorBot process holds the LiteDB file '{Temp.DatabasePath}'", line, StringComparison.Ordinal);
        await using var postgres = new NpgsqlConnection(ConnectionString);
        await postgres.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'learners'", postgres);
        Assert.Equal(0L, await tables.ExecuteScalarAsync());
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliVerbs.Run(args, new CliConsole(TextReader.Null, output, error));
        return (code, output.ToString(), error.ToString());
    }

    private async Task<(LearnerProfile Alice, StreakSummary Summary, Subscription Subscription, Challenge Closed, DeliveryRecord Sent, DateTimeOffset Cursor)> FillLiteDbAsync()
    {
        using var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = Temp.DatabasePath });
        var learners = new LiteDbLearnerStore(context);
        var alice = new LearnerProfile(Alice, " Alice Ω ", "Asia/Kolkata", 3, [Guild, new CommunityId("slack", "T1")], At);
        await learners.UpsertAsync(alice);
        await learners.UpsertAsync(new LearnerProfile(Bob, "Bob", "UTC", 1, [], At.AddDays(1)));

        var activity = new LiteDbActivityStore(context);
        for (var i = 0; i < 3; i++)
            await activity.TryAddCheckinAsync(new Checkin(Alice, Day.AddDays(i), At.AddDays(i), i == 0 ? null : $"day {i}"));
        await activity.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 2, Day, At));
        var summary = new StreakSummary(Alice, "Alice", "Asia/Kolkata", Day.AddDays(2), 3, 5, 1, At.AddDays(2));
        await activity.UpsertStreakSummaryAsync(summary);

        var subscriptions = new LiteDbSubscriptionStore(context);
        await subscriptions.UpsertAsync(new Subscription(Alice, Guild, DayOfWeek.Monday, new TimeOnly(9, 0), "Asia/Kolkata", null, At));
        var bobs = new Subscription(Bob, new CommunityId("slack", "T1"), DayOfWeek.Friday, new TimeOnly(17, 30, 15), "UTC", new DateOnly(2026, 4, 1), At);
        await subscriptions.UpsertAsync(bobs);

        var challenges = new LiteDbChallengeStore(context);
        var closed = await challenges.CreateAsync(new Challenge(0, Guild, "Build a CLI", "Make it *nice*.", Day.AddDays(7), Bob, At, null));
        await challenges.CreateAsync(new Challenge(0, Guild, "Second", "", Day.AddDays(14), Bob, At.AddHours(1), null));
        await challenges.UpsertSubmissionAsync(new ChallengeSubmission(closed.Id, Alice, "Alice", "https://a", At.AddDays(1)));
        await challenges.UpsertSubmissionAsync(new ChallengeSubmission(closed.Id, Bob, "Bob", "https://b", At.AddDays(2)));
        await challenges.TryCloseAsync(closed.Id, At.AddDays(8));
        closed = (await challenges.GetAsync(closed.Id))!;

        var outbox = new LiteDbDeliveryOutbox(context);
        var slot = new DateTimeOffset(2026, 3, 16, 3, 30, 0, TimeSpan.Zero);
        var sent = new DeliveryRecord(DeliveryKeys.For(Alice, "2026-W12"), Alice, Guild, slot, "2026-W12", 3, DeliveryKind.Task,
            DeliveryRecordStatus.Pending, 0, slot, slot, null, null);
        await outbox.TryEnqueueAsync(sent);
        await outbox.ClaimDueAsync("host", slot, TimeSpan.FromMinutes(1), 10);
        await outbox.MarkSentAsync("host", sent.Key, slot.AddSeconds(2));
        await outbox.TryEnqueueAsync(sent with { Key = DeliveryKeys.For(Bob, "2026-W12"), Learner = Bob, LocalWeek = "2026-W12" });
        var cursor = slot.AddHours(1);
        await outbox.SetCursorAsync(cursor);
        await new LiteDbUndeliverableNotices(context).SetAsync(new UndeliverableNotice(Bob, "DMs closed", slot));
        await new LiteDbDirectChannelStore(context).SetAsync(Bob, "D024BE91L");

        return (alice, summary, bobs, closed, (await outbox.GetAsync(sent.Key))!, cursor);
    }
}
