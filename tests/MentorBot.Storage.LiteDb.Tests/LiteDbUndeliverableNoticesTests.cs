using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;

namespace MentorBot.Storage.LiteDb.Tests;

/// <summary>The in-memory mirror of pending notices answers "none" without a database read, and must never be stale.</summary>
public sealed class LiteDbUndeliverableNoticesTests : IDisposable
{
    private static readonly LearnerId Learner = new("discord", "4242");
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_notice_set_through_one_store_is_consumed_through_another_over_the_same_file()
    {
        var writer = new LiteDbUndeliverableNotices(_db.Context);
        var reader = new LiteDbUndeliverableNotices(_db.Context);
        Assert.Null(await reader.TryConsumeAsync(Learner));

        await writer.SetAsync(new UndeliverableNotice(Learner, "DMs closed", At));

        Assert.Equal("DMs closed", (await reader.TryConsumeAsync(Learner))?.Reason);
        Assert.Null(await writer.TryConsumeAsync(Learner));
        _db.Reopen();
        Assert.Null(await new LiteDbUndeliverableNotices(_db.Context).TryConsumeAsync(Learner));
    }

    [Fact]
    public async Task A_notice_written_before_the_file_was_reopened_is_found()
    {
        await new LiteDbUndeliverableNotices(_db.Context).SetAsync(new UndeliverableNotice(Learner, "DMs closed", At));

        _db.Reopen();

        Assert.Equal(new UndeliverableNotice(Learner, "DMs closed", At), await new LiteDbUndeliverableNotices(_db.Context).TryConsumeAsync(Learner));
    }
}
