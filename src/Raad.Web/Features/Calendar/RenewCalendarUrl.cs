using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Calendar;

/// <summary>
/// "Forny adresse": the account's calendar gets a new secret; the old address answers 404 from then on (a calendar
/// shared by mistake, or a lost phone). Answers the new address.
/// </summary>
public sealed class RenewCalendarUrl(AppDbContext db, CalendarUrls urls) : IUseCase
{
    public async Task<Result<string>> HandleAsync(string userId, CancellationToken ct)
    {
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) is not { } account)
        {
            return new Error("calendar.unknown_account", "Kontoen findes ikke.");
        }
        account.CalendarToken = CalendarUrls.NewToken();
        var saved = await db.SaveAsync("Kontoen", ct);
        return saved.IsSuccess ? urls.UrlOf(account.CalendarToken) : Result<string>.Fail(saved.Errors);
    }
}
