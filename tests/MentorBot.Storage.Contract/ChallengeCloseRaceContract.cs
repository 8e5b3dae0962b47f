using System.Globalization;
using MentorBot.Core.Commands;
using MentorBot.Core.Identity;
using static MentorBot.Storage.Contract.TestData;
using MentorBot.Core.Challenges;

namespace MentorBot.Storage.Contract;

/// <summary>
/// Submissions racing a close, through the real <see cref="ChallengeService"/> over the provider's stores: a learner
/// told "submitted" must appear in the close result, everyone else must be told the challenge is closed.
/// </summary>
public abstract class ChallengeCloseRaceContract : StorageContract
{
    private const int Rounds = 5;
    private const int Submitters = 120;

    private static readonly Actor Moderator = new(Bob, "Mod", IsModerator: true);

    [Fact]
    public async Task Every_confirmed_submission_is_in_the_close_result_and_the_rest_are_refused()
    {
        // Several workers as several hosts would have; the close comes from its own worker.
        var workers = new[] { Stores, await Database.OpenWorkerAsync(), await Database.OpenWorkerAsync() };
        var services = workers.Select(w => new ChallengeService(w.Challenges, TimeProvider.System)).ToArray();

        // One round loses a submission only when the close lands in a narrow window, so run several.
        for (var round = 0; round < Rounds; round++)
            await RaceOneCloseAsync(services, workers[1], round);
    }

    private static async Task RaceOneCloseAsync(ChallengeService[] services, StorageStores reader, int round)
    {
        var posted = await services[0].PostAsync(Moderator, Guild, "UTC", $"Race {round}", "Close me while they submit.", "2099-01-01", default);
        var id = posted.Value!.Id;
        var idText = id.ToString(CultureInfo.InvariantCulture);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var confirmedSoFar = 0;

        var submits = Enumerable.Range(0, Submitters).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var actor = new Actor(new LearnerId("discord", $"learner{i}"), $"Learner {i}", IsModerator: false);
            var result = await services[i % 2].SubmitAsync(actor, Guild, idText, $"https://example.com/{round}/{i}", default);
            if (result.Value is not null)
                Interlocked.Increment(ref confirmedSoFar);
            return (actor.Id, result);
        })).ToList();
        var close = Task.Run(async () =>
        {
            await start.Task;
            // Close in the middle of the stream of submissions, not before the first or after the last.
            while (Volatile.Read(ref confirmedSoFar) < Submitters / 8)
                await Task.Yield();
            return await services[2].CloseAsync(Moderator, Guild, idText, default);
        });
        start.SetResult();
        var results = await Task.WhenAll(submits);
        var closure = (await close).Value;

        Assert.NotNull(closure);
        var confirmed = results.Where(r => r.result.Value is not null).Select(r => r.Id).ToHashSet();
        var inCloseResult = closure.Submissions.Select(s => s.Learner).ToHashSet();
        var missing = confirmed.Except(inCloseResult).ToList();
        Assert.True(missing.Count == 0,
            $"Round {round}: {missing.Count} of {confirmed.Count} confirmed submissions are not in the close result: {string.Join(", ", missing.Take(5))}");
        // And no one told "closed" was counted anyway.
        Assert.Equal(Sorted(confirmed), Sorted(inCloseResult));
        foreach (var (_, result) in results.Where(r => r.result.Value is null))
            Assert.Equal($"Challenge #{id} is closed, so it no longer takes submissions.", result.Error);
        var stored = await reader.Challenges.ListSubmissionsAsync(id);
        Assert.Equal(Sorted(inCloseResult), Sorted(stored.Select(s => s.Learner)));
    }

    private static List<string> Sorted(IEnumerable<LearnerId> learners) => [.. learners.Select(l => l.ToString()).Order(StringComparer.Ordinal)];
}
