using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Account;

/// <summary>
/// Sign-in through an OpenID Connect provider: the buttons (_ExternalSignIn) post here, which sends the member to the
/// provider (authorization code with PKCE); the provider's answer comes back to /signin-oidc-&lt;name&gt; and then to
/// <see cref="OnGetCallbackAsync"/>, where <see cref="SignInExternally"/> finds the account or refuses.
/// </summary>
[AllowAnonymous]
public class ExternalSignInModel(SignInManager<AppUser> signIn, IOptions<OidcOptions> oidc, SignInExternally signInExternally) : PageModel
{
    /// <summary>Where an account with a second factor is asked for its code after the provider (the sign-in pages' own).</summary>
    public const string SecondFactorPath = "/konto/totrin";

    [BindProperty]
    public string Provider { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The invited account and the invitation's code, when the buttons are on the invitation's page.</summary>
    [BindProperty]
    public string? Bruger { get; set; }

    [BindProperty]
    public string? Kode { get; set; }

    /// <summary>Why the member was not signed in.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Nothing to show by itself but the way back to the login page.</summary>
    [Needs(Permission.Public)]
    public void OnGet()
    {
    }

    [Needs(Permission.Public)]
    public IActionResult OnPost()
    {
        var provider = oidc.Value.Providers.FirstOrDefault(p => p.Name == Provider);
        if (provider is null)
        {
            Refusal = "Den valgte log ind-tjeneste findes ikke. Vælg en af knapperne på siden Log ind.";
            return Page();
        }
        var callback = Url.Page("/Account/ExternalSignIn", "Callback", new { ReturnUrl = LocalUrl.Or(ReturnUrl) });
        var properties = signIn.ConfigureExternalAuthenticationProperties(provider.Scheme, callback);
        if (!string.IsNullOrEmpty(Bruger))
        {
            // In the properties, which the handler protects and carries in the state parameter through the provider.
            properties.Items[SignInExternally.InvitedUserItem] = Bruger;
            properties.Items[SignInExternally.InvitationCodeItem] = Kode ?? "";
        }
        return Challenge(properties, provider.Scheme);
    }

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetCallbackAsync(CancellationToken ct)
    {
        var result = await signInExternally.HandleAsync(ct);
        if (!result.IsSuccess)
        {
            Refusal = string.Join(" ", result.Errors.Select(e => e.Message));
            return Page();
        }
        var next = LocalUrl.Or(ReturnUrl);
        return result.Value == ExternalSignInOutcome.SecondFactorRequired
            ? LocalRedirect($"{SecondFactorPath}?ReturnUrl={Uri.EscapeDataString(next)}")
            : LocalRedirect(next);
    }

    /// <summary>The provider's handler sends here what went wrong on the way (an abort at the provider, an expired state).</summary>
    [Needs(Permission.Public)]
    public IActionResult OnGetFailed(string? provider)
    {
        var name = oidc.Value.Providers.FirstOrDefault(p => p.Name == provider)?.Label ?? "log ind-tjenesten";
        Refusal = $"Log ind med {name} blev afbrudt eller lykkedes ikke. Prøv igen.";
        return Page();
    }
}

/// <summary>What the provider buttons carry: where to go on, and the invitation when they accept one.</summary>
public sealed record ExternalSignInButtons(string? ReturnUrl, string? InvitedUser = null, string? InvitationCode = null);
