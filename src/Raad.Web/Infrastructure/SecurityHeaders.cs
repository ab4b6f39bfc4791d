using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Raad.Web.Infrastructure;

/// <summary>Where a TLS proxy in front of Raad connects from, so its X-Forwarded-For and -Proto are believed.</summary>
public sealed class ProxyOptions
{
    /// <summary>The proxies' addresses, e.g. "10.0.0.5". Loopback is always trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// The headers every response carries, pages, files, API and error pages alike: a Content-Security-Policy with no
/// inline script (scripts come from wwwroot), no framing by other sites, no MIME sniffing and no full address sent
/// to other sites. Styles may be inline (a few style attributes and htmx's indicator style); scripts may not.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void AddProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection("Raad:Proxy").Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxy.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(address.Trim()));
            }
            foreach (var network in proxy.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });
    }

    /// <summary>Set when the response starts, so that error pages (whose headers are cleared first) get them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
