using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Calendar;

/// <summary>
/// The address of an account's private calendar, <c>/kalender/{token}.ics</c>: the token is the only secret, so it is
/// 32 random bytes, made the first time the address is asked for and again when the account renews it.
/// </summary>
public sealed class CalendarUrls(AppDbContext db, IOptions<MailOptions> mail)
{
    /// <summary>The account's calendar address, absolute (calendar programs fetch it from elsewhere); makes the token on first use.</summary>
    public async Task<string> EnsureAsync(AppUser account, CancellationToken ct = default)
    {
        if (account.CalendarToken is null)
        {
            account.CalendarToken = NewToken();
            var saved = await db.SaveAsync("Kontoen", ct);
            if (!saved.IsSuccess)
            {
                // Made at the same moment by another request: take the token that was saved.
                await db.Entry(account).ReloadAsync(ct);
            }
        }
        return UrlOf(account.CalendarToken!);
    }

    /// <summary>The absolute address of the feed with this token, beginning with the public address links in mails use.</summary>
    public string UrlOf(string token) => $"{mail.Value.PublicUrl.TrimEnd('/')}/kalender/{token}.ics";

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
