using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// The one-time link in an invitation: an Identity user token of its own provider, valid for
/// <see cref="AccountOptions.InvitationDays"/>. Accepting it (a password set, or an OpenID Connect login linked) changes the
/// account's security stamp, which voids the token: it works once.
/// </summary>
public static class InvitationTokens
{
    public const string Provider = "Invitation";
    public const string Purpose = "raad-invitation";

    public static Task<string> CreateAsync(UserManager<AppUser> users, AppUser user) =>
        users.GenerateUserTokenAsync(user, Provider, Purpose);

    public static Task<bool> IsValidAsync(UserManager<AppUser> users, AppUser user, string token) =>
        users.VerifyUserTokenAsync(user, Provider, Purpose, token);
}

/// <summary>Accounts: how long an invitation's link lasts.</summary>
public sealed class AccountOptions
{
    public int InvitationDays { get; set; } = 14;
}

public sealed class InvitationTokenProvider(
    IDataProtectionProvider protection, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger);

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;
