using Microsoft.AspNetCore.Http;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Tests.Scenarios;

/// <summary>The administrator is told when the links in mails would point at the default address while Raad serves another.</summary>
public class PublicAddressTests
{
    [Theory]
    [InlineData(Startup.DefaultUrl, "https", "raad.region.dk", true)]
    [InlineData(Startup.DefaultUrl, "http", "localhost:5080", false)]
    [InlineData("https://raad.region.dk", "https", "raad.region.dk", false)]
    [InlineData("https://raad.region.dk/", "http", "localhost:5080", false)]
    public void A_default_public_address_on_another_host_is_a_warning(string configured, string scheme, string host, bool warned)
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = scheme;
        request.Host = new HostString(host);

        var warning = PublicAddress.Warning(new MailOptions { PublicUrl = configured }, request);

        Assert.Equal(warned, warning is not null);
        if (warned)
        {
            Assert.Contains($"Raad bruges på {scheme}://{host}", warning, StringComparison.Ordinal);
            Assert.Contains("Raad:Mail:PublicUrl", warning, StringComparison.Ordinal);
        }
    }
}
