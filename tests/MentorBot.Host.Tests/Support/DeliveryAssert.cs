using MentorBot.Core.Delivery;
using MentorBot.Core.Identity;
using MentorBot.Testing.Discord;

namespace MentorBot.Host.Tests.Support;

/// <summary>The end state every crash-and-recover delivery test checks: nobody lost, nobody doubled, nothing left to send.</summary>
internal static class DeliveryAssert
{
    /// <summary>The fake created exactly one direct message for each of <paramref name="users"/>, and no other.</summary>
    public static void ExactlyOneMessageEach(FakeDiscord discord, IReadOnlyCollection<string> users)
    {
        var lost = users.Where(u => discord.CreatedDirectMessages(u) == 0).ToList();
        var doubled = users.Where(u => discord.CreatedDirectMessages(u) > 1).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} learners got no message, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.True(doubled.Count == 0, $"{doubled.Count} learners got more than one message, e.g. {string.Join(", ", doubled.Take(5))}");
        Assert.Equal(users.Count, discord.CreatedMessages);
    }

    /// <summary>The outbox agrees: one record per learner, every one marked sent, none left to go out again.</summary>
    public static async Task EveryDeliverySentAsync(IDeliveryOutbox outbox, CommunityId community, int learners)
    {
        Assert.Empty(await outbox.ListPendingAsync(DateTimeOffset.MaxValue.AddDays(-1)));
        var records = await outbox.ListRecentAsync(community, learners * 2);
        Assert.Equal(learners, records.Count);
        Assert.All(records, r => Assert.Equal(DeliveryRecordStatus.Sent, r.Status));
    }
}
