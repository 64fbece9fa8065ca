using System.Net;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Bound from section "ReverseProxy": the proxies (TLS terminators, load balancers) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> headers the app believes. Without an entry only a proxy on the same machine (loopback) is
/// believed; behind a proxy on another machine every request would then seem to come from the proxy – one login rate
/// limit for all users, the proxy's address in the security log.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.20.0.5</c> or <c>2001:db8::5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.20.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>The trusted proxies and networks, parsed (ASP.NET Core trusts loopback on top).</summary>
    /// <exception cref="InvalidOperationException">An entry is not an IP address or network; the message names it.</exception>
    public (IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks) Parse()
    {
        var proxies = KnownProxies
            .Select(entry => IPAddress.TryParse(entry.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies: „{entry}“ ist keine IP-Adresse (z. B. 10.20.0.5)."))
            .ToList();
        var networks = KnownNetworks
            .Select(entry => System.Net.IPNetwork.TryParse(entry.Trim(), out var network)
                ? network
                : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: „{entry}“ ist kein Netz in CIDR-Schreibweise (z. B. 10.20.0.0/24)."))
            .ToList();
        return (proxies, networks);
    }
}
