using MentorBot.Core.Dashboard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MentorBot.Dashboard.Hosting;

/// <summary>
/// <c>Dashboard:PublicBaseUrl</c>, or on a console-only host the address this host listens on, read from the server
/// once it has bound (so <c>--urls http://127.0.0.1:0</c> gives the real port). A wildcard listen address is linked
/// as loopback: the person at the console is on this machine.
/// </summary>
public sealed class DashboardAddress(IOptions<DashboardOptions> options, IServer server) : IDashboardAddress
{
    public Uri? BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
                return new Uri(options.Value.PublicBaseUrl);
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
            var first = addresses?.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 1 : 0).FirstOrDefault();
            return first is null ? null : Loopback(first);
        }
    }

    internal static Uri? Loopback(string address)
    {
        var normalised = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://[::1]", StringComparison.Ordinal);
        return Uri.TryCreate(normalised, UriKind.Absolute, out var uri) ? uri : null;
    }
}
