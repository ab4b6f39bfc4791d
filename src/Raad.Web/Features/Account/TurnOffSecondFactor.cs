using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Raad.Domain.Common;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>The user turns their own second factor off, unless their role requires one (Raad:Accounts:RequireTwoFactorFor).</summary>
public sealed class TurnOffSecondFactor(UserManager<AppUser> users, ResetSecondFactor reset, IOptions<SignInOptions> options) : IUseCase
{
    public async Task<Result<string>> HandleAsync(string userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new Error(BeginSecondFactor.UnknownAccount, "Kontoen findes ikke.");
        }
        if (options.Value.Requires(await users.GetRolesAsync(user)))
        {
            return new Error("account.two_factor_required", "Din rolle kræver totrinsbekræftelse, så den kan ikke slås fra.");
        }
        return await reset.HandleAsync(userId, ct);
    }
}
