using MentorBot.Core.Identity;

namespace MentorBot.Storage.Contract;

public static class TestData
{
    public static readonly LearnerId Alice = new("discord", "80351110224678912");
    public static readonly LearnerId Bob = new("slack", "U024BE7LH");
    public static readonly CommunityId Guild = new("discord", "1234");
    public static readonly CommunityId Workspace = new("slack", "T999");

    /// <summary>An instant with a non-zero offset and sub-millisecond ticks, to prove exact round-trips.</summary>
    public static readonly DateTimeOffset At = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(5.5)).AddTicks(5_897_932);

    public static DateTimeOffset Minutes(int minutes) => At.AddMinutes(minutes);
}
