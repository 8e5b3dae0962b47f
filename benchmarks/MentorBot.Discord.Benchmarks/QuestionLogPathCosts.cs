using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using MentorBot.Core.Background;
using MentorBot.Core.Commands;
using MentorBot.Core.Faq;
using MentorBot.Core.Faq.QuestionLog;
using MentorBot.Core.Identity;
using MentorBot.Core.Knowledge;
using MentorBot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorBot.Discord.Benchmarks;

/// <summary>
/// What logging one question costs, part by part, single-threaded, in CPU and wall µs per question (best of five
/// rounds): the record's parts (id, normalised text, asker hash, decision), the batch encoding with its deflate, the
/// LiteDB insert and commit, and the whole background path (queue, wake-ups, encoding, write) through a real
/// <see cref="FaqQuestionLog"/> over a real LiteDB file of its own.
/// </summary>
internal static class QuestionLogPathCosts
{
    private const int Batch = 5000;
    private const int Rounds = 5;

    /// <summary>Prints the figures; returns the whole background path's CPU µs per question.</summary>
    public static async Task<double> RunAsync(IServiceProvider services, string[] questions, string directory)
    {
        var faq = services.GetRequiredService<IFaqService>();
        var kb = services.GetRequiredService<IKnowledgeProvider>().Current;
        var community = new CommunityId("discord", "1");
        var learners = Enumerable.Range(0, 50).Select(i => new LearnerId("discord", (3000 + i).ToString(CultureInfo.InvariantCulture))).ToArray();
        var results = questions.Select(q => faq.Ask(q)).ToArray();
        var salt = new byte[AskerHasher.SaltLength];
        var now = TimeProvider.System.GetUtcNow();
        var engine = new FaqEngineVersion(faq).For(kb);
        var rows = Enumerable.Range(0, Batch).Select(i => new LoggedQuestion(
            QuestionIds.New(now), community, questions[i % questions.Length], AnswerCache.Normalise(questions[i % questions.Length]), now,
            QuestionDecision.From(results[i % results.Length]), engine, AskerHasher.Hash(salt, learners[i % learners.Length]))).ToArray();

        Console.WriteLine("question log path, per question:");
        Time("  id (QuestionIds.New)", Batch, i => QuestionIds.New(now));
        Time("  normalise (AnswerCache.Normalise)", Batch, i => AnswerCache.Normalise(questions[i % questions.Length]));
        Time("  asker hash, HMAC (AskerHasher.Hash)", Batch, i => AskerHasher.Hash(salt, learners[i % learners.Length]));
        Time("  decision (QuestionDecision.From)", Batch, i => QuestionDecision.From(results[i % results.Length]));
        Time("  record (new LoggedQuestion)", Batch, i => new LoggedQuestion(rows[i].Id, community, rows[i].Text, rows[i].Normalised, now, rows[i].Decision, engine, rows[i].AskerHash));

        var encoded = QuestionBatchCodec.Encode(rows);
        var plain = Inflate(encoded);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  batch of {Batch}: {plain.Length / (double)Batch:F0} B/question laid out, {encoded.Length / (double)Batch:F0} B/question deflated (Fastest)"));
        TimeBatch("  encode batch (layout + deflate)", () => QuestionBatchCodec.Encode(rows));
        foreach (var level in new[] { CompressionLevel.Fastest, CompressionLevel.NoCompression })
            TimeBatch($"    of which deflate {level}", () => Deflate(plain, level));

        using var context = new LiteDbContext(new LiteDbStorageOptions { DatabasePath = Path.Combine(directory, "path-costs.db") });
        var store = new LiteDbQuestionLog(context);
        TimeBatch("  LiteDbQuestionLog.AppendAsync (encode + insert + commit)", () => store.AppendAsync(rows).GetAwaiter().GetResult());
        // The same append's LiteDB half, the transaction split at the commit (which writes and flushes the log file).
        var batches = context.Database.GetCollection(LiteDbQuestionLog.BatchesCollection);
        var blob = QuestionBatchCodec.Encode(rows);
        var pending = false;
        TimeBatch("    insert of one batch document, before its commit", () =>
        {
            context.Database.BeginTrans();
            batches.Insert(new LiteDB.BsonDocument
            {
                ["_id"] = LiteDB.ObjectId.NewObjectId(), ["MinAtUtcTicks"] = now.UtcTicks, ["MaxAtUtcTicks"] = now.UtcTicks,
                ["MinIdTicks"] = now.UtcTicks, ["MaxIdTicks"] = now.UtcTicks, ["Count"] = Batch, ["Questions"] = blob,
            });
            pending = true;
        }, after: () =>
        {
            if (pending)
                context.Database.Commit();
            pending = false;
        });
        TimeBatch("    commit of that insert", () => context.Database.Commit(), before: () =>
        {
            context.Database.BeginTrans();
            batches.Insert(new LiteDB.BsonDocument
            {
                ["_id"] = LiteDB.ObjectId.NewObjectId(), ["MinAtUtcTicks"] = now.UtcTicks, ["MaxAtUtcTicks"] = now.UtcTicks,
                ["MinIdTicks"] = now.UtcTicks, ["MaxIdTicks"] = now.UtcTicks, ["Count"] = Batch, ["Questions"] = blob,
            });
        });

        // The whole background path as a host runs it: Log() on the caller, then the writer's loop does the rest.
        var log = new FaqQuestionLog(
            Options.Create(new QuestionLogOptions { MaxPending = 10_000_000 }), faq, services.GetRequiredService<IBackgroundWorkQueue>(),
            TimeProvider.System, store: store);
        var requests = learners.Select(l => new CommandRequest("faq", new Dictionary<string, string>(), new Actor(l, "u", false), community)).ToArray();
        var whole = TimeBatch("  whole path: Log() x5000 + writer (hash, record, encode, write)", () =>
        {
            for (var i = 0; i < Batch; i++)
                log.Log(requests[i % requests.Length], questions[i % questions.Length], results[i % results.Length], kb);
            log.FlushAsync().GetAwaiter().GetResult();
        });
        TimeBatch("  Log() x5000 alone (enqueue; the writer waits out its interval)", () =>
        {
            for (var i = 0; i < Batch; i++)
                log.Log(requests[i % requests.Length], questions[i % questions.Length], results[i % results.Length], kb);
        }, after: () => log.FlushAsync().GetAwaiter().GetResult());
        await log.DisposeAsync();
        return whole;
    }

    private static byte[] Inflate(byte[] blob)
    {
        using var input = new MemoryStream(blob, 1, blob.Length - 1);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        deflate.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] plain, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, level, leaveOpen: true))
            deflate.Write(plain);
        return output.ToArray();
    }

    // What each timed call returns is kept here, so no call can be optimised away.
    private static object? s_sink;

    private static void Time(string what, int count, Func<int, object> action)
    {
        for (var i = 0; i < Math.Min(count, 500); i++)
            s_sink = action(i);
        Report(what, count, () =>
        {
            for (var i = 0; i < count; i++)
                s_sink = action(i);
        }, null, null);
    }

    private static double TimeBatch(string what, Action batch, Action? after = null, Action? before = null)
    {
        before?.Invoke();
        batch();
        after?.Invoke();
        return Report(what, Batch, batch, after, before);
    }

    /// <summary>Best of <see cref="Rounds"/> in wall and process CPU time, per question; <paramref name="after"/> runs untimed after each round.</summary>
    private static double Report(string what, int questions, Action round, Action? after, Action? before)
    {
        var bestWall = double.MaxValue;
        var bestCpu = double.MaxValue;
        var bestSystem = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < Rounds; r++)
        {
            before?.Invoke();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var systemBefore = process.PrivilegedProcessorTime;
            var begin = Stopwatch.GetTimestamp();
            round();
            var wall = Stopwatch.GetElapsedTime(begin).TotalMicroseconds;
            process.Refresh();
            bestWall = Math.Min(bestWall, wall / questions);
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / questions;
            if (cpu < bestCpu)
            {
                bestCpu = cpu;
                bestSystem = (process.PrivilegedProcessorTime - systemBefore).TotalMicroseconds / questions;
            }
            after?.Invoke();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-70} {bestWall,8:F2} µs wall {bestCpu,8:F2} µs CPU (kernel {bestSystem:F2})"));
        return bestCpu;
    }
}
