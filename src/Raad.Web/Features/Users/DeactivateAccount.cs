using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Users;

/// <summary>
/// Deactivates an account: it can no longer sign in, by password or through its organisation, and its sessions end.
/// Nothing is deleted: the account, its person and what it did stay on the record, and it can be reactivated.
/// </summary>
public sealed class DeactivateAccount(AppDbContext db, UserManager<AppUser> users, ViewerAccessor viewers) : IUseCase
{
    public async Task<Result<string>> HandleAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new Error("account.not_found", "Kontoen findes ikke.");
        }
        if ((await viewers.GetAsync(ct)).UserId == user.Id)
        {
            return new Error("account.own_deactivation", "Du kan ikke deaktivere din egen konto.");
        }
        if (!user.IsActive)
        {
            return $"{user.DisplayName} er allerede deaktiveret.";
        }
        user.IsActive = false;
        // A new stamp ends every session of the account at its next request.
        await users.UpdateSecurityStampAsync(user);
        return (await db.SaveAsync("Kontoen", ct)).With($"{user.DisplayName} er deaktiveret og kan ikke længere logge ind.");
    }
}
