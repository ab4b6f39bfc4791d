using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Features.Account;
using Raad.Web.Infrastructure;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Members sign in through their organisation's OpenID Connect provider: a real oidc-provider on loopback per
/// organisation, driven through its own login and consent pages. An account is found by the login linked to it, or by
/// an e-mail the provider has verified, or through an invitation; no account is ever made by signing in.
/// </summary>
public abstract class OidcScenarios(RaadApp app, TestProviders providers)
{
    private const string Region = TestProviders.RegionLabel;
    private const string Municipality = TestProviders.MunicipalityLabel;

    [Fact]
    public async Task A_member_whose_verified_email_has_an_account_is_signed_in_and_the_login_linked()
    {
        await Account("anne.ravn@regionh.test", "Anne Ravn");
        providers.RegionProvider.AddAccount("anne-sub", "anne.ravn@regionh.test", emailVerified: true, "Anne Ravn (regionen)");
        using var browser = new OidcBrowser(app);

        var signedIn = await browser.SignInWith(await browser.App.Open("/konto/log-ind?ReturnUrl=%2Fudvalg"), Region, "anne-sub");

        Assert.Equal("/udvalg", signedIn.RedirectTo?.PathAndQuery);
        Assert.Equal("Anne Ravn", await browser.SignedInAs());
        Assert.Equal([($"oidc-{TestProviders.Region}", "anne-sub")], await Logins("anne.ravn@regionh.test"));
        Assert.Equal(SignInMethod.Oidc(TestProviders.Region), browser.SignInMethodInCookie());

        // Linked: the login finds her from now on, even when the provider's e-mail changes and is no longer verified.
        providers.RegionProvider.AddAccount("anne-sub", "anne@ny-adresse.test", emailVerified: false, "Anne Ravn");
        using var later = new OidcBrowser(app);
        var again = await later.SignInWith(await later.App.Open("/konto/log-ind"), Region, "anne-sub");
        Assert.Equal("/", again.RedirectTo?.PathAndQuery);
        Assert.Equal("Anne Ravn", await later.SignedInAs());
    }

    [Fact]
    public async Task An_email_the_provider_has_not_verified_finds_no_account()
    {
        await Account("bo.lind@regionh.test", "Bo Lind");
        providers.RegionProvider.AddAccount("bo-sub", "bo.lind@regionh.test", emailVerified: false, "Bo Lind");
        using var browser = new OidcBrowser(app);

        var refused = await browser.SignInWith(await browser.App.Open("/konto/log-ind"), Region, "bo-sub");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"{Region} har ikke bekræftet, at bo.lind@regionh.test er din e-mailadresse", refused.Text("[role=alert]"));
        Assert.Null(await browser.SignedInAs());
        Assert.Empty(await Logins("bo.lind@regionh.test"));
    }

    [Fact]
    public async Task An_unknown_email_is_refused_and_no_account_is_made()
    {
        providers.RegionProvider.AddAccount("ukendt-sub", "ukendt@regionh.test", emailVerified: true, "Ukendt Person");
        var before = await AccountCount();
        using var browser = new OidcBrowser(app);

        var refused = await browser.SignInWith(await browser.App.Open("/konto/log-ind"), Region, "ukendt-sub");

        Assert.Contains("Der er ingen konto til ukendt@regionh.test; bed sekretariatet om en invitation.", refused.Text("[role=alert]"));
        Assert.Null(await browser.SignedInAs());
        Assert.Equal(before, await AccountCount());
    }

    [Fact]
    public async Task Both_providers_are_offered_and_the_municipalitys_signs_in_too()
    {
        await Account("dorte.krog@ishoej.test", "Dorte Krog");
        providers.MunicipalityProvider.AddAccount("dorte-sub", "dorte.krog@ishoej.test", emailVerified: true, "Dorte Krog");
        using var browser = new OidcBrowser(app);
        var login = await browser.App.Open("/konto/log-ind");

        Assert.Equal([$"Log ind med {Region}", $"Log ind med {Municipality}"],
            login.Document.QuerySelectorAll("button[name=Provider]").Select(b => b.TextContent.Trim()));
        var signedIn = await browser.SignInWith(login, Municipality, "dorte-sub");

        Assert.Equal("/", signedIn.RedirectTo?.PathAndQuery);
        Assert.Equal("Dorte Krog", await browser.SignedInAs());
        Assert.Equal([($"oidc-{TestProviders.Municipality}", "dorte-sub")], await Logins("dorte.krog@ishoej.test"));
        Assert.Equal(SignInMethod.Oidc(TestProviders.Municipality), browser.SignInMethodInCookie());
    }

    [Fact]
    public async Task An_invitation_links_the_login_whatever_its_email_and_works_once()
    {
        var carl = await Account("carl.holm@ishoej.test", "Carl Holm", emailConfirmed: false);
        var link = $"/konto/invitation?bruger={carl.Id}&kode={Uri.EscapeDataString(await InvitationCode(carl))}";
        providers.RegionProvider.AddAccount("carl-sub", "carl.privat@example.test", emailVerified: false, "Carl H.");
        providers.RegionProvider.AddAccount("mallory-sub", "mallory@example.test", emailVerified: true, "Mallory");
        using var carlsBrowser = new OidcBrowser(app);
        using var othersBrowser = new OidcBrowser(app);
        var invitation = await carlsBrowser.App.Open(link);
        // Someone else with the same link, whose page was opened before Carl used it.
        var forwarded = await othersBrowser.App.Open(link);
        Assert.Contains("carl.holm@ishoej.test", invitation.Text("main p"));

        var accepted = await carlsBrowser.SignInWith(invitation, Region, "carl-sub");

        Assert.Equal("/", accepted.RedirectTo?.PathAndQuery);
        Assert.Equal("Carl Holm", await carlsBrowser.SignedInAs());
        Assert.Equal([($"oidc-{TestProviders.Region}", "carl-sub")], await Logins("carl.holm@ishoej.test"));
        Assert.True((await Find("carl.holm@ishoej.test")).EmailConfirmed);

        // Used: the same link is refused, from a page opened before and opened after.
        var refused = await othersBrowser.SignInWith(forwarded, Region, "mallory-sub");
        Assert.Contains("Invitationen er allerede brugt eller udløbet", refused.Text("[role=alert]"));
        Assert.Null(await othersBrowser.SignedInAs());
        Assert.Null(await app.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<AppUser>>()
            .FindByLoginAsync($"oidc-{TestProviders.Region}", "mallory-sub"));
        using var third = new OidcBrowser(app);
        var reopened = await third.App.Open(link);
        Assert.Contains("Invitationen er allerede brugt eller udløbet", reopened.Text("[role=alert]"));
        Assert.Empty(reopened.Document.QuerySelectorAll("button[name=Provider]"));

        // From now on Carl signs in from the login page like anyone linked.
        using var later = new OidcBrowser(app);
        await later.SignInWith(await later.App.Open("/konto/log-ind"), Region, "carl-sub");
        Assert.Equal("Carl Holm", await later.SignedInAs());
    }

    [Fact]
    public async Task A_blocked_account_is_refused_and_not_linked()
    {
        var erik = await Account("erik.moe@regionh.test", "Erik Moe");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(erik.Id))!, app.Clock.GetUtcNow().AddYears(10));
        }
        providers.RegionProvider.AddAccount("erik-sub", "erik.moe@regionh.test", emailVerified: true, "Erik Moe");
        using var browser = new OidcBrowser(app);

        var refused = await browser.SignInWith(await browser.App.Open("/konto/log-ind"), Region, "erik-sub");

        Assert.Contains("Kontoen erik.moe@regionh.test er spærret og kan ikke logge ind.", refused.Text("[role=alert]"));
        Assert.Null(await browser.SignedInAs());
        Assert.Empty(await Logins("erik.moe@regionh.test"));
    }

    [Fact]
    public async Task A_sign_in_cancelled_at_the_provider_comes_back_to_a_Danish_message()
    {
        using var browser = new OidcBrowser(app);

        var cancelled = await browser.CancelAtProvider(await browser.App.Open("/konto/log-ind"), Region);

        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Contains($"Log ind med {Region} blev afbrudt eller lykkedes ikke. Prøv igen.", cancelled.Text("[role=alert]"));
        Assert.Null(await browser.SignedInAs());
    }

    [Fact]
    public async Task A_password_sign_in_is_recorded_as_such()
    {
        using var browser = new OidcBrowser(app);

        await browser.App.SignIn("medlem@raad.local", Features.Demo.DemoLoader.Password);

        Assert.Equal(SignInMethod.Password, browser.SignInMethodInCookie());
    }

    private async Task<AppUser> Account(string email, string name, bool emailConfirmed = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = emailConfirmed, DisplayName = name };
        var created = await users.CreateAsync(user);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return user;
    }

    private async Task<string> InvitationCode(AppUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await InvitationTokens.CreateAsync(users, (await users.FindByIdAsync(user.Id))!);
    }

    private async Task<AppUser> Find(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    private async Task<(string Provider, string Subject)[]> Logins(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var logins = await users.GetLoginsAsync((await users.FindByEmailAsync(email))!);
        return [.. logins.Select(l => (l.LoginProvider, l.ProviderKey))];
    }

    private async Task<int> AccountCount()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Users.CountAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class OidcOnSqlite(OidcSqliteApp app) : OidcScenarios(app, app.Providers), IClassFixture<OidcSqliteApp>;

public sealed class OidcOnPostgres(OidcPostgresApp app) : OidcScenarios(app, app.Providers), IClassFixture<OidcPostgresApp>;
