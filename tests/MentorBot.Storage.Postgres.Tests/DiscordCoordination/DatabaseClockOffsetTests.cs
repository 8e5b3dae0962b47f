using MentorBot.Discord.Postgres;

namespace MentorBot.Storage.Postgres.Tests.DiscordCoordination;

public sealed class DatabaseClockOffsetTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ahead = TimeSpan.FromSeconds(2);

    [Fact]
    public void A_reading_is_placed_at_the_middle_of_its_round_trip()
    {
        var clock = new DatabaseClockOffset();

        clock.Observe(T, T.AddMilliseconds(10), T.AddMilliseconds(5) + Ahead);

        Assert.Equal(T.AddSeconds(1), clock.ToLocal(T.AddSeconds(1) + Ahead));
    }

    [Fact]
    public void A_round_trip_stalled_after_the_answer_does_not_shift_the_mapping()
    {
        var clock = new DatabaseClockOffset();
        clock.Observe(T, T.AddMilliseconds(4), T.AddMilliseconds(2) + Ahead);

        // The database answered 2 ms after the send, and the thread only read its clock 1.5 s later.
        var sent = T.AddSeconds(10);
        clock.Observe(sent, sent.AddSeconds(1.5), sent.AddMilliseconds(2) + Ahead);

        Assert.Equal(sent, clock.ToLocal(sent + Ahead));
    }

    [Fact]
    public void A_shorter_round_trip_replaces_the_estimate()
    {
        var clock = new DatabaseClockOffset();
        clock.Observe(T, T.AddMilliseconds(400), T.AddMilliseconds(50) + Ahead);
        Assert.NotEqual(T, clock.ToLocal(T + Ahead));

        clock.Observe(T.AddSeconds(1), T.AddSeconds(1).AddMilliseconds(2), T.AddSeconds(1).AddMilliseconds(1) + Ahead);

        Assert.Equal(T, clock.ToLocal(T + Ahead));
    }

    [Fact]
    public void An_old_estimate_gives_way_to_a_fresh_one_with_a_longer_round_trip()
    {
        var clock = new DatabaseClockOffset();
        clock.Observe(T, T.AddMilliseconds(2), T.AddMilliseconds(1) + Ahead);

        // Hours later the database's clock has moved 30 ms against this host's; a 20 ms round trip now is the better guess.
        var later = T.AddHours(2);
        var drifted = Ahead + TimeSpan.FromMilliseconds(30);
        clock.Observe(later, later.AddMilliseconds(20), later.AddMilliseconds(10) + drifted);

        Assert.Equal(later, clock.ToLocal(later + drifted));
    }
}
