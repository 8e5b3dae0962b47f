using System.Text.Json;
using System.Text.RegularExpressions;
using MentorBot.Core.Challenges;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Delivery;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Core.Learners;
using MentorBot.Core.Privacy;
using MentorBot.Core.Reports;
using MentorBot.Core.Roadmap;
using MentorBot.Core.Storage;
using MentorBot.Core.Streaks;
using MentorBot.Core.Subscriptions;
using MentorBot.Host.Cli;
using MentorBot.Host.Tests.Support;
using MentorBot.Storage.LiteDb;
using MentorBot.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Host.Tests;

/// <summary>
/// <c>storage migrate</c> over a LiteDB file written through every store the host registers (the same registrations,
/// resolved from the container), read back through every PostgreSQL store: what the stores answer must not change.
/// </summary>
public sealed class StorageMigrateEveryStoreTests : FreshPostgresDatabase
{
    private static readonly LearnerId Alice = new("discord", "alice");
    private static readonly LearnerId Bob = new("discord", "bob");
    private static readonly LearnerId Carol = new("slack", "U03CAROL");
    private static readonly LearnerId Dave = new("discord", "dave");
    private static readonly LearnerId[] Everyone = [Alice, Bob, Carol, Dave];
    private static readonly CommunityId Guild = new("discord", "guild");
    private static readonly CommunityId Workspace = new("slack", "T1");
    private static readonly CommunityId[] Communities = [Guild, Workspace];
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(5.5)).AddTicks(5_897_932);
    private static readonly DateOnly Day = new(2026, 3, 14);
    private const string SessionId = "5e55101d";
    private const string UsedToken = "token-used";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// LiteDB collections the migration leaves behind, and why. Adding one here is a decision to lose its rows on the
    /// move; every other collection must arrive in the PostgreSQL table of the same name.
    /// </summary>
    private static readonly Dictionary<string, string> LeftBehind = new(StringComparer.Ordinal)
    {
        ["meta"] = "the file's schema version and health probe are its own (PostgreSQL has its migrations); the delivery " +
            "cursor it also holds is copied as delivery_cursor, which the round trip checks",
        ["dashboard_sessions"] = "a re-run of the migration must not bring back a session ended in PostgreSQL (sign out " +
            "everywhere after a leaked cookie); moderators open a new /dashboard link instead",
    };

    /// <summary>LiteDB collections whose documents each hold several rows of a PostgreSQL table.</summary>
    private static readonly Dictionary<string, string> StoredAs = new(StringComparer.Ordinal)
    {
        ["question_log_batches"] = "question_log",
    };

    /// <summary>Rows per PostgreSQL table that <see cref="FillAsync"/> leaves in the LiteDB file.</summary>
    private static readonly (string Table, int Rows)[] Copied =
    [
        ("learners", 3), ("checkins", 4), ("task_completions", 5), ("streak_summaries", 2), ("subscriptions", 2), ("challenges", 2),
        ("challenge_submissions", 2), ("deliveries", 2), ("undeliverable_notices", 1), ("dm_channels", 1), ("delivery_cursor", 1),
        ("dashboard_settings", 1), ("dashboard_sign_ins", 1), ("dashboard_audit", 4), ("question_log_salts", 2), ("question_log", 5),
        ("question_log_feedback", 4),
    ];

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task PostgreSQL_stores_answer_as_the_LiteDB_stores_did_and_a_second_run_adds_nothing()
    {
        string expected;
        await using (var lite = Stores.LiteDb(Temp.DatabasePath, _time))
        {
            await FillAsync(lite);
            expected = await ReadEverythingAsync(lite);
        }

        var (code, output, error) = Migrate();

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Equal("", error);
        foreach (var (table, rows) in Copied)
            Assert.Matches($@"(?m)^  {table} +{rows} +{rows} +0 +{rows}$", output);
        var total = Copied.Sum(t => t.Rows);
        Assert.Contains($"Verified: all {total} rows are in PostgreSQL ({total} copied now).", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Not copied: dashboard_sessions \(1 rows\): .*/dashboard", output);
        await using (var postgres = Stores.Postgres(ConnectionString, _time))
        {
            Assert.Equal(expected, await ReadEverythingAsync(postgres));
            Assert.Null(await postgres.Dashboard.GetSessionAsync(SessionId));
        }

        var (again, secondOutput, secondError) = Migrate();

        Assert.True(again == 0, $"exit {again}\n{secondOutput}\n{secondError}");
        foreach (var (table, rows) in Copied)
            Assert.Matches($@"(?m)^  {table} +{rows} +0 +{rows} +{rows}$", secondOutput);
        Assert.Contains($"Verified: all {total} rows are in PostgreSQL (0 copied now).", secondOutput, StringComparison.Ordinal);
        await using (var postgres = Stores.Postgres(ConnectionString, _time))
        {
            // The report figures PostgreSQL's triggers derived on the first run are not counted again.
            Assert.Equal(expected, await ReadEverythingAsync(postgres));

            // Ids PostgreSQL generates continue after the imported ones: a new audit entry is the newest, not a clash.
            await postgres.Dashboard.AddAuditAsync(new DashboardAuditEntry(Guild, Bob, "Bob", "sign-in", "", Now));
            Assert.Equal(
                new[] { ("sign-in", Bob), ("question-draft", Alice), ("challenge-post", Alice) },
                (await postgres.Dashboard.ListAuditAsync(Guild, 3)).Select(a => (a.Action, a.Moderator)).ToArray());
            Assert.Equal(3, (await postgres.Challenges.CreateAsync(new Challenge(0, Guild, "After the move", "", Day.AddDays(21), Bob, Now, null))).Id);
        }
    }

    [Fact]
    public async Task Every_LiteDB_collection_is_copied_or_left_behind_for_a_stated_reason()
    {
        // Every store the providers register is one FillAsync writes through (a new store fails here first).
        var registered = typeof(StoreFactories<object>).GetConstructors().Single().GetParameters()
            .Select(p => p.ParameterType.GetGenericArguments()[^1]).ToHashSet();
        var filled = typeof(Stores).GetProperties().Select(p => p.PropertyType).ToHashSet();
        Assert.True(registered.SetEquals(filled), $"Stores must hold every store of StoreFactories, and FillAsync write through it: {
            string.Join(", ", registered.Except(filled).Select(t => t.Name))}");

        await using (var lite = Stores.LiteDb(Temp.DatabasePath, _time))
            await FillAsync(lite);
        var documents = CountDocuments(Temp.DatabasePath);

        var (code, output, error) = Migrate();

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        var copied = Regex.Matches(output, @"(?m)^  (\w+) +(\d+) +\d+ +\d+ +\d+")
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(copied);
        foreach (var (collection, count) in documents)
        {
            if (LeftBehind.ContainsKey(collection))
            {
                Assert.False(copied.ContainsKey(collection), $"{collection} is copied; take it off LeftBehind");
                continue;
            }
            // Files written before the question log stored batches keep one document per question here; new ones leave it empty.
            if (collection == "question_log" && count == 0)
                continue;
            var table = StoredAs.GetValueOrDefault(collection, collection);
            Assert.True(count > 0, $"FillAsync writes nothing to the LiteDB collection '{collection}': write to it through its store, so this test checks it is copied.");
            Assert.True(copied.TryGetValue(table, out var source),
                $"The LiteDB collection '{collection}' ({count} documents) is not copied by storage migrate: add it to StorageSnapshot, LiteDbExport " +
                "and PostgresImport, or to LeftBehind here with the reason.");
            if (table == collection)
                Assert.Equal((collection, count), (collection, source));
            else
                Assert.True(source >= count, $"{collection} holds {count} documents of {table} rows, but only {source} rows were copied");
        }
        Assert.Contains("dashboard_sessions", documents.Keys);
        Assert.Equal(1, documents["dashboard_sessions"]);
    }

    [Fact]
    public async Task A_different_salt_or_audit_entry_PostgreSQL_already_holds_is_reported_missing_not_verified()
    {
        await using (var lite = Stores.LiteDb(Temp.DatabasePath, _time))
            await FillAsync(lite);
        // A host wrote to PostgreSQL before the move: its own salt for the guild and its own first audit entry.
        await using (var postgres = Stores.Postgres(ConnectionString, _time))
        {
            await postgres.QuestionLog.GetOrAddSaltAsync(Guild, [.. Enumerable.Repeat((byte)7, AskerHasher.SaltLength)]);
            await postgres.Dashboard.AddAuditAsync(new DashboardAuditEntry(Guild, Bob, "Bob", "sign-in", "", Now));
        }

        var (code, output, error) = Migrate();

        Assert.Equal(1, code);
        Assert.Matches(@"(?m)^  question_log_salts +2 +1 +1 +1  MISSING ROWS$", output);
        Assert.Matches(@"(?m)^  dashboard_audit +4 +3 +1 +3  MISSING ROWS$", output);
        Assert.Contains("Verification failed: dashboard_audit has 3 of 4, question_log_salts has 1 of 2.", error, StringComparison.Ordinal);
        Assert.Contains("already holds", error, StringComparison.Ordinal);
    }

    private (int Code, string Out, string Error) Migrate()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliVerbs.Run(
            ["storage", "migrate", "--from", $"litedb:{Temp.DatabasePath}", "--to", $"postgres:{ConnectionString}"],
            new CliConsole(TextReader.Null, output, error));
        return (code, output.ToString(), error.ToString());
    }

    private static Dictionary<string, int> CountDocuments(string path)
    {
        using var database = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = path, ReadOnly = true });
        return database.GetCollectionNames().ToDictionary(name => name, name => database.GetCollection(name).Count(), StringComparer.Ordinal);
    }

    /// <summary>Writes through every store, so every collection the file can hold has rows.</summary>
    private async Task FillAsync(Stores s)
    {
        await s.Learners.UpsertAsync(new LearnerProfile(Alice, " Alice Ω ", "Asia/Kolkata", 3, [Guild, Workspace], At));
        await s.Learners.UpsertAsync(new LearnerProfile(Bob, "Bob", "UTC", 1, [Guild], At.AddDays(1)));
        await s.Learners.UpsertAsync(new LearnerProfile(Carol, "Carol", "Europe/Berlin", 5, [Workspace], At.AddDays(2)));
        await s.Learners.UpsertAsync(new LearnerProfile(Dave, "Dave", "UTC", 1, [Guild], At));

        for (var i = 0; i < 3; i++)
            await s.Activity.TryAddCheckinAsync(new Checkin(Alice, Day.AddDays(i), At.AddDays(i), i == 0 ? null : $"day {i}"));
        await s.Activity.TryAddCheckinAsync(new Checkin(Bob, Day.AddDays(1), At.AddDays(1).ToOffset(TimeSpan.Zero), null));
        await s.Activity.TryAddCheckinAsync(new Checkin(Dave, Day, At, "forgotten"));
        await s.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Alice, 2, Day, At));
        for (var week = 1; week <= 4; week++)
            await s.Activity.TryAddTaskCompletionAsync(new TaskCompletion(Carol, week, Day.AddDays(week), At.AddDays(week)));
        await s.Activity.UpsertStreakSummaryAsync(new StreakSummary(Alice, "Alice", "Asia/Kolkata", Day.AddDays(2), 3, 5, 1, At.AddDays(2)));
        await s.Activity.UpsertStreakSummaryAsync(new StreakSummary(Bob, "Bob", "UTC", Day.AddDays(1), 1, 1, 0, At.AddDays(1)));

        await s.Subscriptions.UpsertAsync(new Subscription(Alice, Guild, DayOfWeek.Monday, new TimeOnly(9, 0), "Asia/Kolkata", null, At));
        await s.Subscriptions.UpsertAsync(new Subscription(Carol, Workspace, DayOfWeek.Friday, new TimeOnly(17, 30, 15), "Europe/Berlin",
            new DateOnly(2026, 4, 1), At));

        var closed = await s.Challenges.CreateAsync(new Challenge(0, Guild, "Build a CLI", "Make it *nice*.", Day.AddDays(7), Bob, At, null));
        await s.Challenges.CreateAsync(new Challenge(0, Workspace, "Second", "", Day.AddDays(14), Carol, At.AddHours(1), null));
        await s.Challenges.UpsertSubmissionAsync(new ChallengeSubmission(closed.Id, Alice, "Alice", "https://a", At.AddDays(1)));
        await s.Challenges.UpsertSubmissionAsync(new ChallengeSubmission(closed.Id, Bob, "Bob", "https://b", At.AddDays(2)));
        await s.Challenges.TryCloseAsync(closed.Id, At.AddDays(8));

        var slot = new DateTimeOffset(2026, 3, 16, 3, 30, 0, TimeSpan.Zero);
        var sent = new DeliveryRecord(DeliveryKeys.For(Alice, "2026-W12"), Alice, Guild, slot, "2026-W12", 3, DeliveryKind.Task,
            DeliveryRecordStatus.Pending, 0, slot, slot, null, null);
        await s.Outbox.TryEnqueueAsync(sent);
        await s.Outbox.ClaimDueAsync("host", slot, TimeSpan.FromMinutes(1), 10);
        await s.Outbox.MarkSentAsync("host", sent.Key, slot.AddSeconds(2));
        await s.Outbox.TryEnqueueAsync(sent with { Key = DeliveryKeys.For(Carol, "2026-W12"), Learner = Carol, Community = Workspace });
        await s.Outbox.SetCursorAsync(slot.AddHours(1));
        await s.UndeliverableNotices.SetAsync(new UndeliverableNotice(Bob, "DMs closed", slot));
        await s.DirectChannels.SetAsync(Bob, "D024BE91L");

        Assert.True(await s.Health.PingAsync());
        Assert.True(await s.ReplayGuard.TryRememberAsync("slack:v0=abc", Now.AddMinutes(5)));
        // A pending /forget lives minutes and is not copied: after the move the learner runs /forget again.
        await s.ForgetRequests.OpenAsync(Dave, Now.AddMinutes(5), Now);
        await s.Reports.GetOverviewAsync(Guild, _time);
        await s.LearnerData.ForgetAsync(Dave);

        await s.Dashboard.GetOrAddSigningKeyAsync([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        Assert.True(await s.Dashboard.TryUseSignInAsync(UsedToken, Now.AddMinutes(10)));
        await s.Dashboard.AddSessionAsync(new DashboardSession(SessionId, Guild, Alice, "Alice", Now, Now.AddHours(8)));
        await s.Dashboard.AddAuditAsync(new DashboardAuditEntry(Guild, Alice, "Alice", "sign-in", "", Now));
        await s.Dashboard.AddAuditAsync(new DashboardAuditEntry(Workspace, Carol, "Carol", "learners-export", "3 rows", Now));
        await s.Dashboard.AddAuditAsync(new DashboardAuditEntry(Guild, Alice, "Alice", "challenge-post", "Build a CLI", Now.AddMinutes(1)));
        // The same instant as the one before: only the id keeps them in order.
        await s.Dashboard.AddAuditAsync(new DashboardAuditEntry(Guild, Alice, "Alice", "question-draft", "salaries | «Ω»", Now.AddMinutes(1)));

        var hasher = new AskerHasher(s.QuestionLog);
        var alice = await hasher.HashAsync(Guild, Alice);
        var bob = await hasher.HashAsync(Guild, Bob);
        var carol = await hasher.HashAsync(Workspace, Carol);
        var asked = Now.AddDays(-2).ToOffset(TimeSpan.FromHours(5.5));
        await s.QuestionLog.AppendAsync(
        [
            new LoggedQuestion("q1", Guild, "Do I need a degree?", "do i need a degree", asked,
                new QuestionDecision(QuestionOutcome.Answered) { EntryId = "degree", Confidence = 0.873_105_2, SuggestionIds = ["no-experience", "learning-paths"] },
                "engine-1", alice),
            new LoggedQuestion("q2", Guild, "salary in the US", "salary in the us", asked.AddMinutes(1),
                new QuestionDecision(QuestionOutcome.Suggested) { SuggestionIds = ["salaries", "remote-work"] }, "engine-1", bob),
            new LoggedQuestion("q3", Guild, "hello", "hello", asked.AddMinutes(2),
                new QuestionDecision(QuestionOutcome.SmallTalk) { SmallTalk = SmallTalkKind.Greeting }, "engine-1", null),
            new LoggedQuestion("q4", Workspace, "wie geht's", "wie geht's", asked.AddMinutes(3), new QuestionDecision(QuestionOutcome.NotEnglish), "engine-2", carol),
            new LoggedQuestion("q5", Guild, "asdf", "asdf", asked.AddMinutes(4), new QuestionDecision(QuestionOutcome.Declined), "engine-2", alice),
        ]);
        Assert.Equal(FeedbackOutcome.Recorded, await s.QuestionLog.RecordFeedbackAsync(Guild, new QuestionFeedback("q1", bob, FeedbackKind.Helpful, "degree", Now)));
        Assert.Equal(FeedbackOutcome.Recorded, await s.QuestionLog.RecordFeedbackAsync(Guild, new QuestionFeedback("q1", alice, FeedbackKind.NotHelpful, "degree", Now)));
        Assert.Equal(FeedbackOutcome.Replaced,
            await s.QuestionLog.RecordFeedbackAsync(Guild, new QuestionFeedback("q1", alice, FeedbackKind.Helpful, "degree", Now.AddMinutes(1).ToOffset(TimeSpan.FromHours(-4)))));
        Assert.Equal(FeedbackOutcome.Recorded, await s.QuestionLog.RecordFeedbackAsync(Guild, new QuestionFeedback("q2", bob, FeedbackKind.ChoseSuggestion, "salaries", Now)));
        Assert.Equal(FeedbackOutcome.Recorded, await s.QuestionLog.RecordFeedbackAsync(Workspace, new QuestionFeedback("q4", carol, FeedbackKind.NotHelpful, "languages", Now)));
    }

    /// <summary>What every store answers about everything <see cref="FillAsync"/> wrote, as JSON (records hold lists).</summary>
    private async Task<string> ReadEverythingAsync(Stores s)
    {
        var hasher = new AskerHasher(s.QuestionLog);
        var read = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var learner in Everyone)
        {
            read[$"{learner} profile"] = await s.Learners.GetAsync(learner);
            read[$"{learner} checkins"] = await s.Activity.ListCheckinsAsync(learner);
            read[$"{learner} tasks"] = await s.Activity.ListTaskCompletionsAsync(learner);
            read[$"{learner} streak"] = await s.Activity.GetStreakSummaryAsync(learner);
            read[$"{learner} subscription"] = await s.Subscriptions.GetAsync(learner);
            read[$"{learner} latest delivery"] = await s.Outbox.FindLatestAsync(learner);
            read[$"{learner} dm"] = await s.DirectChannels.GetAsync(learner);
            read[$"{learner} /mydata"] = await s.LearnerData.ExportAsync(learner);
        }

        foreach (var community in Communities)
        {
            read[$"{community} members"] = (await s.Learners.ListByCommunityAsync(community)).OrderBy(p => p.Id.ToString(), StringComparer.Ordinal).ToList();
            var challenges = await s.Challenges.ListAsync(community, includeClosed: true);
            read[$"{community} challenges"] = challenges;
            foreach (var challenge in challenges)
                read[$"{community} challenge {challenge.Id} submissions"] = await s.Challenges.ListSubmissionsAsync(challenge.Id);
            read[$"{community} recent deliveries"] = await s.Outbox.ListRecentAsync(community, 10);
            read[$"{community} overview"] = await s.Reports.GetOverviewAsync(community, _time);
            read[$"{community} learners page"] = await s.Reports.ListLearnersAsync(community, new LearnerQuery(), _time);
            read[$"{community} learners by tasks"] = await s.Reports.ListLearnersAsync(community, new LearnerQuery(SortBy: LearnerSort.TasksDone, Descending: true), _time);
            read[$"{community} audit"] = await s.Dashboard.ListAuditAsync(community, 100);
            read[$"{community} questions"] = await s.QuestionLog.ListAsync(community, DateTimeOffset.MinValue);
            read[$"{community} shaky questions"] = await s.QuestionLog.ListShakyAsync(community, DateTimeOffset.MinValue, new ShakyCut(0.9, 0.9), 1000);
            read[$"{community} askers"] = await s.QuestionLog.CountAskersAsync(community, DateTimeOffset.MinValue);
            read[$"{community} feedback"] = await s.QuestionLog.FeedbackByEntryAsync(community, DateTimeOffset.MinValue);
            // The salt must have come along: the same learner hashes alike, so /mydata and /forget find the old questions.
            foreach (var learner in Everyone)
                read[$"{community} {learner} asked"] = await s.QuestionLog.ExportAskerAsync(community, await hasher.HashAsync(community, learner));
        }

        read["subscriptions"] = (await s.Subscriptions.ListAllAsync()).OrderBy(x => x.Learner.ToString(), StringComparer.Ordinal).ToList();
        read["cursor"] = await s.Outbox.GetCursorAsync();
        read["pending"] = await s.Outbox.ListPendingAsync(Now);
        read["signing key"] = await s.Dashboard.GetOrAddSigningKeyAsync([.. Enumerable.Repeat((byte)0xEE, 32)]);
        read["used link usable again"] = await s.Dashboard.TryUseSignInAsync(UsedToken, Now.AddMinutes(10));
        return JsonSerializer.Serialize(read, Indented);
    }

    /// <summary>Every store of a provider, resolved from the registrations the host uses.</summary>
    private sealed class Stores(ServiceProvider services) : IAsyncDisposable
    {
        public ILearnerStore Learners => services.GetRequiredService<ILearnerStore>();
        public IActivityStore Activity => services.GetRequiredService<IActivityStore>();
        public ISubscriptionStore Subscriptions => services.GetRequiredService<ISubscriptionStore>();
        public IChallengeStore Challenges => services.GetRequiredService<IChallengeStore>();
        public IDeliveryOutbox Outbox => services.GetRequiredService<IDeliveryOutbox>();
        public IUndeliverableNotices UndeliverableNotices => services.GetRequiredService<IUndeliverableNotices>();
        public IDirectChannelStore DirectChannels => services.GetRequiredService<IDirectChannelStore>();
        public ICommunityReports Reports => services.GetRequiredService<ICommunityReports>();
        public IStorageHealth Health => services.GetRequiredService<IStorageHealth>();
        public IReplayGuard ReplayGuard => services.GetRequiredService<IReplayGuard>();
        public ILearnerDataStore LearnerData => services.GetRequiredService<ILearnerDataStore>();
        public IDashboardStore Dashboard => services.GetRequiredService<IDashboardStore>();
        public IQuestionLog QuestionLog => services.GetRequiredService<IQuestionLog>();
        public IForgetRequests ForgetRequests => services.GetRequiredService<IForgetRequests>();

        public static Stores LiteDb(string path, TimeProvider time) =>
            Build(time, "Storage:DatabasePath", path, (services, configuration) => services.AddLiteDbStorage(configuration));

        public static Stores Postgres(string connectionString, TimeProvider time) =>
            Build(time, "Storage:ConnectionString", connectionString, (services, configuration) => services.AddPostgresStorage(configuration));

        public ValueTask DisposeAsync() => services.DisposeAsync();

        private static Stores Build(TimeProvider time, string key, string value, Action<IServiceCollection, IConfiguration> register)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
            var services = new ServiceCollection().AddSingleton(time);
            register(services, configuration);
            return new Stores(services.BuildServiceProvider());
        }
    }
}
