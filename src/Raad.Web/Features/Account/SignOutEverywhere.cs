using Microsoft.AspNetCore.Identity;
using Raad.Domain.Common;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// Ends every session of the account: a new security stamp, which every other browser's cookie is checked against within
/// <see cref="SignInSecurity.StampValidation"/>. The page signs this browser out at once.
/// </summary>
public sealed class SignOutEverywhere(UserManager<AppUser> users) : IUseCase
{
    public async Task<Result> HandleAsync(string userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new Error(BeginSecondFactor.UnknownAccount, "Kontoen findes ikke.");
        }
        return (await users.UpdateSecurityStampAsync(user)).ToResult("Kontoen");
    }
}
