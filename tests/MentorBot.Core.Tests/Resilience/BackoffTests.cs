using MentorBot.Core.Resilience;

namespace MentorBot.Core.Tests.Resilience;

public sealed class BackoffTests
{
    private sealed class FixedJitter(double value) : IJitterSource
    {
        public double NextDouble() => value;
    }

    private static readonly Backoff Doubling = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(1000, 30)]
    public void Attempt_n_waits_initial_times_two_to_the_n_minus_one_capped_at_the_maximum(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Doubling.Delay(attempt));

    [Fact]
    public void Attempt_zero_or_below_waits_the_initial_delay() =>
        Assert.Equal(TimeSpan.FromSeconds(1), Doubling.Delay(0));

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 2000)]
    [InlineData(0.75, 3000)]
    public void Full_jitter_scales_the_delay_by_the_source(double random, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), (Doubling with { Jitter = BackoffJitter.Full }).Delay(3, new FixedJitter(random)));

    [Theory]
    [InlineData(0.0, 2000)]
    [InlineData(0.5, 4000)]
    [InlineData(0.999, 5996)]
    public void Spread_jitter_stays_within_half_to_one_and_a_half_times_the_delay(double random, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), (Doubling with { Jitter = BackoffJitter.Spread }).Delay(3, new FixedJitter(random)));

    [Fact]
    public void A_source_out_of_range_cannot_make_a_negative_or_runaway_wait()
    {
        var full = Doubling with { Jitter = BackoffJitter.Full };
        Assert.Equal(TimeSpan.Zero, full.Delay(3, new FixedJitter(-5)));
        Assert.Equal(TimeSpan.FromSeconds(4), full.Delay(3, new FixedJitter(7)));
    }

    [Fact]
    public void A_longer_server_given_wait_wins_and_a_shorter_one_does_not()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), Doubling.Delay(2, serverAsked: TimeSpan.FromSeconds(90)));
        Assert.Equal(TimeSpan.FromSeconds(2), Doubling.Delay(2, serverAsked: TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public void Jittered_backoff_requires_a_source() =>
        Assert.Throws<ArgumentNullException>(() => (Doubling with { Jitter = BackoffJitter.Full }).Delay(1));
}
