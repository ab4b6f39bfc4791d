using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Users;

/// <summary>Reactivates a deactivated account, with the roles and history it had.</summary>
public sealed class ReactivateAccount(AppDbContext db) : IUseCase
{
    public async Task<Result<string>> HandleAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new Error("account.not_found", "Kontoen findes ikke.");
        }
        user.IsActive = true;
        return (await db.SaveAsync("Kontoen", ct)).With($"{user.DisplayName} er aktiv igen.");
    }
}
