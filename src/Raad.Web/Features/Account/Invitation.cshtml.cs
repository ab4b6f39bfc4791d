using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// Where an invitation's link leads (/konto/invitation?bruger=&lt;account id&gt;&amp;kode=&lt;token&gt;): the invited member
/// accepts with his organisation's sign-in, which is then linked to the account (SignInExternally).
/// </summary>
[AllowAnonymous]
public class InvitationModel(UserManager<AppUser> users) : PageModel
{
    public string? Email { get; private set; }

    public ExternalSignInButtons? Buttons { get; private set; }

    [Needs(Permission.Public)]
    public async Task OnGetAsync(string? bruger, string? kode)
    {
        var user = string.IsNullOrEmpty(bruger) ? null : await users.FindByIdAsync(bruger);
        // The code is checked again when the provider answers; here it only decides what the page offers.
        if (user is not null && !string.IsNullOrEmpty(kode) && await InvitationTokens.IsValidAsync(users, user, kode))
        {
            Email = user.Email;
            Buttons = new ExternalSignInButtons("/", user.Id, kode);
        }
    }
}
