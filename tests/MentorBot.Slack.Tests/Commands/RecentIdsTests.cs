using MentorBot.Slack.Commands;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Slack.Tests.Commands;

public sealed class RecentIdsTests
{
    [Fact]
    public void An_id_is_new_once_until_it_has_been_forgotten()
    {
        var time = new FakeTimeProvider();
        var ids = new RecentIds(time, TimeSpan.FromMinutes(30));

        Assert.True(ids.TryAdd("Ev1"));
        Assert.False(ids.TryAdd("Ev1"));
        time.Advance(TimeSpan.FromMinutes(29));
        Assert.False(ids.TryAdd("Ev1"));
        Assert.True(ids.TryAdd("Ev2"));
        time.Advance(TimeSpan.FromMinutes(31));
        Assert.True(ids.TryAdd("Ev1"));
    }

    [Fact]
    public void Concurrent_repeats_are_accepted_exactly_once()
    {
        var ids = new RecentIds(new FakeTimeProvider(), TimeSpan.FromMinutes(30));

        var accepted = 0;
        Parallel.For(0, 1000, _ =>
        {
            if (ids.TryAdd("Ev-same"))
                Interlocked.Increment(ref accepted);
        });

        Assert.Equal(1, accepted);
    }
}
