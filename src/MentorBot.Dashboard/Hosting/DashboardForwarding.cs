using MentorBot.Core.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace MentorBot.Dashboard.Hosting;

/// <summary>
/// Turns <c>Dashboard:ForwardedHeaders:*</c> into ASP.NET Core's forwarded-headers settings. Only the listed proxies
/// are believed: ASP.NET Core's own default also trusts loopback, which would let anything on this machine (or a proxy
/// that passes the header through unchecked) name any client, so that default is cleared.
/// </summary>
internal static class DashboardForwarding
{
    public static void Apply(ForwardedHeadersOptions options, DashboardForwardedHeaders settings)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.ForwardedHeaders = ForwardedHeaders.None;
        if (!settings.Any)
            return;

        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Behind a chain of listed proxies each adds one entry; the client is the last entry no listed proxy sent.
        options.ForwardLimit = null;
        foreach (var proxy in settings.Proxies)
            options.KnownProxies.Add(proxy);
        foreach (var network in settings.Networks)
            options.KnownIPNetworks.Add(network);
    }
}
