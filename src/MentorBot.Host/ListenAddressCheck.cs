using System.Net;
using System.Net.Sockets;

namespace MentorBot.Host;

/// <summary>
/// Tries each address the web server is configured to listen on before anything else starts, so a taken port stops
/// the host with one line instead of Kestrel's stack trace after storage was opened and delivery started.
/// </summary>
internal static class ListenAddressCheck
{
    private const string InUse = "the address is already in use";
    private const string HowToChange = "choose another address with --urls or ASPNETCORE_URLS (setting 'urls')";

    /// <summary>Null when every configured address can be bound now, otherwise the line to print.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
            return null;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException ex)
            {
                return $"Invalid configuration: '{url}' is not an address to listen on ({ex.Message}); {HowToChange}.";
            }

            // Port 0 takes any free port, and a Unix socket or named pipe is Kestrel's to create.
            if (address.IsUnixPipe || address.IsNamedPipe || address.Port == 0)
                continue;
            if (ProblemWith(address) is { } reason)
            {
                return reason == InUse
                    ? $"Cannot listen on {url}: {InUse}. Stop whatever holds it, or {HowToChange}."
                    : $"Cannot listen on {url}: {reason}; {HowToChange}.";
            }
        }

        return null;
    }

    /// <summary>
    /// Binds as Kestrel will: <c>localhost</c> on both loopbacks (either may be missing, a taken one fails), an IP
    /// literal on itself, any other host name on every interface.
    /// </summary>
    private static string? ProblemWith(BindingAddress address)
    {
        IPEndPoint[] endpoints = string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            ? [new(IPAddress.Loopback, address.Port), new(IPAddress.IPv6Loopback, address.Port)]
            : IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip)
                ? [new(ip, address.Port)]
                : [new(IPAddress.IPv6Any, address.Port), new(IPAddress.Any, address.Port)];
        var anyHost = endpoints[0].Address.Equals(IPAddress.IPv6Any);

        SocketException? failure = null;
        var failures = 0;
        foreach (var endpoint in endpoints)
        {
            try
            {
                using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                if (anyHost && endpoint.AddressFamily == AddressFamily.InterNetworkV6)
                    socket.DualMode = true;
                socket.Bind(endpoint);
                if (anyHost)
                    return null; // IPv4 alone is Kestrel's fallback for a machine without IPv6.
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return InUse;
            }
            catch (SocketException ex)
            {
                failure = ex;
                failures++;
            }
        }

        // Kestrel tolerates one unusable loopback of localhost (a machine without IPv6), not all of them.
        return failures == endpoints.Length ? failure!.Message : null;
    }
}
