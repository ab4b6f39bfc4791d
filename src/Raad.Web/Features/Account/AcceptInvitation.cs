using Microsoft.AspNetCore.Identity;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// The invited person follows the link and chooses a password: the account gets it, its e-mail counts as confirmed
/// (the link came to it), and the new security stamp voids the link, so it works once.
/// </summary>
public sealed class AcceptInvitation(AppDbContext db, UserManager<AppUser> users) : IUseCase
{
    public const string Invalid = "Invitationen er allerede brugt eller udløbet. Bed sekretariatet om en ny.";

    /// <summary>The invited account, while its link is good.</summary>
    public async Task<AppUser?> InvitedAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId) is not { IsActive: true } user)
        {
            return null;
        }
        return await InvitationTokens.IsValidAsync(users, user, token) ? user : null;
    }

    public async Task<Result<AppUser>> HandleAsync(string? userId, string? token, string password, string repeated, CancellationToken ct)
    {
        if (await InvitedAsync(userId, token) is not { } user)
        {
            return new Error("invitation.invalid", Invalid);
        }
        if (password != repeated)
        {
            return new Error("invitation.passwords_differ", "De to adgangskoder er ikke ens.", "Repeated");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.EmailConfirmed = true;
        // Sets the hash and a new security stamp in one save: the link is spent with it.
        var set = user.PasswordHash is null ? await users.AddPasswordAsync(user, password) : await ResetAsync(user, password);
        if (!set.Succeeded)
        {
            return Result<AppUser>.Fail([.. set.Errors.Select(e => new Error("invitation.password_refused", e.Description, "Password"))]);
        }
        await transaction.CommitAsync(ct);
        return user;
    }

    private async Task<IdentityResult> ResetAsync(AppUser user, string password) =>
        await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
}
