namespace Raad.Web.Infrastructure.Mail;

/// <summary>
/// Links in mails begin with <see cref="MailOptions.PublicUrl"/>. While that is still the default and Raad is reached
/// at another address, every link in every mail is wrong: the administrator is told on each page.
/// </summary>
public static class PublicAddress
{
    public static string? Warning(MailOptions mail, HttpRequest request)
    {
        var served = $"{request.Scheme}://{request.Host}";
        if (!string.Equals(mail.PublicUrl.TrimEnd('/'), Startup.DefaultUrl, StringComparison.OrdinalIgnoreCase)
            || string.Equals(served, Startup.DefaultUrl, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return $"Links i Raads e-mails peger på {Startup.DefaultUrl}, men Raad bruges på {served}. "
            + "Sæt Raad:Mail:PublicUrl til den adresse, modtagerne skal åbne (se docs/operations.md).";
    }
}
