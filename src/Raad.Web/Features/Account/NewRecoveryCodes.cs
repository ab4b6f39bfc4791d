using Microsoft.AspNetCore.Identity;
using Raad.Domain.Common;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>Replaces the account's recovery codes with ten new ones (the old stop working); answers them, to be shown once.</summary>
public sealed class NewRecoveryCodes(UserManager<AppUser> users, IUserStore<AppUser> store) : IUseCase
{
    public async Task<Result<string[]>> HandleAsync(string userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new Error(BeginSecondFactor.UnknownAccount, "Kontoen findes ikke.");
        }
        if (!user.TwoFactorEnabled)
        {
            return new Error("account.two_factor_off", "Slå totrinsbekræftelse til først; gendannelseskoderne hører til den.");
        }
        var codes = await Authenticator.ReplaceRecoveryCodesAsync(store, user);
        return (await users.UpdateAsync(user)).ToResult("Kontoen").With(codes);
    }
}
