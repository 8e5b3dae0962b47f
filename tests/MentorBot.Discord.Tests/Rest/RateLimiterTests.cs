using MentorBot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Discord.Tests.Rest;

public sealed class RateLimiterTests
{
    private const string Route = "POST /channels/{id}/messages";
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Exhausted_bucket_waits_for_its_reset()
    {
        var limiter = new RateLimiter(_time);
        using var response = Response(("X-RateLimit-Bucket", "abc"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "2.5"));
        limiter.Observe(Route, "channels/1", 200, response.Headers);

        Assert.Equal(TimeSpan.FromSeconds(2.5), limiter.Reserve(Route, "channels/1", globalExempt: false));
        // Another channel is another top-level resource with its own limit.
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(Route, "channels/2", globalExempt: false));
        _time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(Route, "channels/1", globalExempt: false));
    }

    [Fact]
    public void Global_limit_is_50_per_second_but_interactions_are_exempt()
    {
        var limiter = new RateLimiter(_time);
        for (var i = 0; i < RateLimiter.GlobalPerSecond; i++)
            Assert.Equal(TimeSpan.Zero, limiter.Reserve("GET /users/@me", "", globalExempt: false));

        Assert.True(limiter.Reserve("GET /users/@me", "", globalExempt: false) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, limiter.Reserve("POST /interactions/{id}/{token}/callback", "", globalExempt: true));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve("GET /users/@me", "", globalExempt: false));
    }

    [Fact]
    public void A_raised_global_limit_lets_that_many_through_per_second()
    {
        var limiter = new RateLimiter(_time, globalPerSecond: 2000);
        for (var i = 0; i < 2000; i++)
            Assert.Equal(TimeSpan.Zero, limiter.Reserve("POST /users/@me/channels", "", globalExempt: false));

        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve("POST /users/@me/channels", "", globalExempt: false));
    }

    [Fact]
    public void Global_429_pauses_every_route()
    {
        var limiter = new RateLimiter(_time);
        limiter.Limited(Route, "channels/1", TimeSpan.FromSeconds(3), global: true);

        Assert.Equal(TimeSpan.FromSeconds(3), limiter.Reserve("GET /gateway/bot", "", globalExempt: false));
    }

    [Fact]
    public void Invalid_requests_are_capped_well_below_the_cloudflare_ban()
    {
        var limiter = new RateLimiter(_time);
        using var response = Response();
        for (var i = 0; i < RateLimiter.InvalidRequestCap; i++)
            limiter.Observe(Route, "channels/1", 403, response.Headers);

        Assert.True(limiter.InvalidBudgetExhausted());
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(limiter.InvalidBudgetExhausted());
    }

    [Theory]
    [InlineData("POST", "/channels/123456789012345678/messages", "POST /channels/{id}/messages", "channels/123456789012345678")]
    [InlineData("PATCH", "/webhooks/111111111111111111/secret-token/messages/@original", "PATCH /webhooks/{id}/{token}/messages/@original", "webhooks/111111111111111111/secret-token")]
    [InlineData("POST", "/interactions/222222222222222222/secret-token/callback", "POST /interactions/{id}/{token}/callback", "interactions/222222222222222222/secret-token")]
    [InlineData("GET", "/gateway/bot", "GET /gateway/bot", "")]
    public void Route_keys_keep_the_major_parameter_apart_and_never_contain_tokens(string method, string path, string key, string major)
    {
        Assert.Equal(key, RouteKey.For(new HttpMethod(method), path));
        Assert.Equal(major, RouteKey.MajorParameter(path));
    }

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }
}
