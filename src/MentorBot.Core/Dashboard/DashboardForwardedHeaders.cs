using System.Net;
using System.Net.Sockets;

namespace MentorBot.Core.Dashboard;

/// <summary>
/// <c>Dashboard:ForwardedHeaders:*</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// the host believes. Empty by default, so a client talking to the host directly cannot name another address (to
/// dodge the sign-in rate limit) or claim https.
/// </summary>
public sealed record DashboardForwardedHeaders
{
    public const string SectionName = "Dashboard:ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c> or <c>fd00::5</c>.</summary>
    public IReadOnlyList<string> KnownProxies { get; init; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public IReadOnlyList<string> KnownNetworks { get; init; } = [];

    /// <summary>Whether any proxy is listed; otherwise forwarded headers are ignored.</summary>
    public bool Any => KnownProxies.Count + KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> Proxies => KnownProxies.Select(p => ParseAddress(p)!);

    public IEnumerable<IPNetwork> Networks => KnownNetworks.Select(n => IPNetwork.Parse(n.Trim()));

    /// <summary>A problem naming the key and the value; null when every entry parses.</summary>
    public string? Problem()
    {
        foreach (var proxy in KnownProxies)
        {
            if (ParseAddress(proxy) is null)
                return $"{SectionName}:KnownProxies has '{proxy}', which is not an IP address (e.g. 10.0.0.5 or fd00::5).";
        }
        foreach (var network in KnownNetworks)
        {
            // IPNetwork refuses a missing prefix, a prefix too long, and bits set after the prefix (10.0.0.1/8).
            if (string.IsNullOrWhiteSpace(network) || !IPNetwork.TryParse(network.Trim(), out _))
                return $"{SectionName}:KnownNetworks has '{network}', which is not a network in CIDR form with no bits set after the prefix (e.g. 10.0.0.0/24 or fd00::/64).";
        }
        return null;
    }

    /// <summary>
    /// The address, or null. Stricter than <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>, which reads
    /// <c>10</c> as <c>0.0.0.10</c>: an IPv4 address must be written in full, as four numbers.
    /// </summary>
    private static IPAddress? ParseAddress(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || !IPAddress.TryParse(text, out var address))
            return null;
        if (address.AddressFamily == AddressFamily.InterNetwork && text.Split('.').Length != 4)
            return null;
        return address;
    }
}
