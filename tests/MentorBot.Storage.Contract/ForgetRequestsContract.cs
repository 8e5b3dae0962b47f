using MentorBot.Core.Identity;
using MentorBot.Core.Privacy;

namespace MentorBot.Storage.Contract;

/// <summary>What every <see cref="IForgetRequests"/> promises: a request is handed out once, on any host.</summary>
public abstract class ForgetRequestsContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly LearnerId Ada = new("discord", "1");
    private static readonly LearnerId Ben = new("slack", "T1:U2");

    private IForgetRequests? _requests;

    protected IForgetRequests Requests => _requests ?? throw new InvalidOperationException("Created in InitializeAsync.");

    /// <summary>The requests of one host, over a fresh, empty store.</summary>
    protected abstract Task<IForgetRequests> CreateAsync();

    /// <summary>
    /// What another host on the same storage would use. LiteDB's file belongs to one host, so there it is the same
    /// object; PostgreSQL gives a second connection pool, as a second host has.
    /// </summary>
    protected abstract Task<IForgetRequests> OpenAnotherHostAsync();

    public async Task InitializeAsync() => _requests = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_request_is_taken_once_with_its_end()
    {
        await Requests.OpenAsync(Ada, Now.AddMinutes(5), Now);

        Assert.Equal(Now.AddMinutes(5), await Requests.TakeAsync(Ada));
        Assert.Null(await Requests.TakeAsync(Ada));
        Assert.Null(await Requests.TakeAsync(Ben));
    }

    [Fact]
    public async Task Opening_again_renews_the_end()
    {
        await Requests.OpenAsync(Ada, Now.AddMinutes(5), Now);
        await Requests.OpenAsync(Ada, Now.AddMinutes(8), Now.AddMinutes(3));

        Assert.Equal(Now.AddMinutes(8), await Requests.TakeAsync(Ada));
    }

    [Fact]
    public async Task Opening_a_request_drops_those_that_have_ended_and_keeps_the_rest()
    {
        await Requests.OpenAsync(Ada, Now.AddMinutes(5), Now);
        await Requests.OpenAsync(Ben, Now.AddMinutes(7), Now.AddMinutes(2));

        await Requests.OpenAsync(new LearnerId("console", "local"), Now.AddMinutes(11), Now.AddMinutes(6));

        Assert.Null(await Requests.TakeAsync(Ada));
        Assert.Equal(Now.AddMinutes(7), await Requests.TakeAsync(Ben));
    }

    [Fact]
    public async Task A_request_opened_on_one_host_is_taken_on_another_and_only_once_among_racing_hosts()
    {
        var other = await OpenAnotherHostAsync();
        await Requests.OpenAsync(Ada, Now.AddMinutes(5), Now);

        var takes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => (i % 2 == 0 ? Requests : other).TakeAsync(Ada))));

        Assert.Equal(Now.AddMinutes(5), Assert.Single(takes, t => t is not null));
    }
}
