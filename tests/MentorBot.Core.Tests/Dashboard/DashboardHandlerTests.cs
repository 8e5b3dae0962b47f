using System.Text.RegularExpressions;
using MentorBot.Core.Commands;
using MentorBot.Core.Dashboard;
using MentorBot.Core.Identity;
using MentorBot.Core.Tests.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Core.Tests.Dashboard;

public sealed partial class DashboardHandlerTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private Task<Reply> DashboardAsync(Actor actor) =>
        _bot.Dispatcher.DispatchAsync(new CommandRequest("dashboard", new Dictionary<string, string>(), actor, BotHarness.Community));

    [Fact]
    public async Task A_learner_who_is_not_a_moderator_is_refused()
    {
        var reply = await DashboardAsync(BotHarness.Alice);

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Equal("Only moderators can use /dashboard.", reply.Text);
    }

    [Fact]
    public async Task Without_a_dashboard_the_moderator_is_told_which_setting_turns_it_on_and_only_they_see_it()
    {
        var reply = await DashboardAsync(BotHarness.Mod);

        Assert.Contains("Dashboard:PublicBaseUrl", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyVisibility.OnlyYou, reply.Visibility);
    }

    [Fact]
    public async Task A_moderator_gets_a_link_only_they_see_whose_token_names_them_and_their_community_for_ten_minutes()
    {
        var time = new FakeTimeProvider(BotHarness.Start);
        var options = Options.Create(new DashboardOptions { SigningKey = "a signing key of at least thirty-two characters" });
        var key = new DashboardSigningKey(options, new UnusedDashboardStore());
        var handler = new DashboardHandler(new DashboardLinks(new FixedAddress(new Uri("https://bot.example.org/")), key, time));
        var mod = new Actor(new LearnerId("discord", "42"), "Mod", IsModerator: true);

        var reply = await handler.HandleAsync(new CommandRequest("dashboard", new Dictionary<string, string>(), mod, new CommunityId("discord", "1234")), default);

        Assert.Equal(ReplyVisibility.OnlyYou, reply.Visibility);
        var token = Uri.UnescapeDataString(LinkPattern().Match(reply.Text).Groups["token"].Value);
        var keyBytes = await key.GetAsync(default);
        Assert.Equal(DashboardTokenStatus.Valid, DashboardTokens.Verify(keyBytes, token, time.GetUtcNow().AddMinutes(9.9), out var claims));
        Assert.Equal(new CommunityId("discord", "1234"), claims!.Community);
        Assert.Equal(mod.Id, claims.Moderator);
        Assert.Equal(DashboardTokenStatus.Expired, DashboardTokens.Verify(keyBytes, token, time.GetUtcNow().AddMinutes(10), out _));
    }

    [GeneratedRegex(@"https://bot\.example\.org/dashboard/signin\?token=(?<token>\S+)")]
    private static partial Regex LinkPattern();

    private sealed class FixedAddress(Uri url) : IDashboardAddress
    {
        public Uri? BaseUrl => url;
    }

    /// <summary>A configured signing key means storage is never asked for one.</summary>
    private sealed class UnusedDashboardStore : IDashboardStore
    {
        public Task<byte[]> GetOrAddSigningKeyAsync(byte[] candidate, CancellationToken cancellationToken = default) => throw new InvalidOperationException("storage was asked for a key");
        public Task<bool> TryUseSignInAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task AddSessionAsync(DashboardSession session, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<DashboardSession?> GetSessionAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> RemoveSessionAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<int> RemoveSessionsAsync(LearnerId moderator, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task AddAuditAsync(DashboardAuditEntry entry, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<DashboardAuditEntry>> ListAuditAsync(CommunityId community, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
