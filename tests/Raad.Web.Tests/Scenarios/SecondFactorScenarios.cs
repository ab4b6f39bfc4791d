using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Accounts;
using Raad.Web.Features.Account;
using Raad.Web.Infrastructure;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The second factor as a user meets it: turned on from "Sikkerhed" with a key typed into an authenticator app, then asked for
/// after the password; a recovery code instead, once; an administrator's reset; and "Log ud alle steder". The codes are
/// computed from the key at the app's clock, as the user's phone would.
/// </summary>
public abstract class SecondFactorScenarios(RaadApp app)
{
    private const string Password = "en-lang-adgangskode-til-test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_turns_the_second_factor_on_and_signs_in_with_the_code_the_app_shows_at_the_apps_clock()
    {
        var email = await SecondFactorAccounts.CreateAsync(app, Roles.Member, Password);
        using var first = app.Anonymous();
        await first.SignIn(email, Password);

        var (key, codes, page, confirmedWith) = await SecondFactorAccounts.TurnOnAsync(app, first);

        Assert.Equal(10, codes.Length);
        Assert.All(codes, c => Assert.Matches("^[2-9B-Z]{5}-[2-9B-Z]{5}$", c));
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("Totrinsbekræftelse er slået til.", page.Text("[role=status]"), StringComparison.Ordinal);
        var uri = page.Text("#authenticator-uri");
        Assert.Equal("", uri); // the key is no longer shown once it is confirmed
        // The session that confirmed the code goes on, with two factors.
        Assert.Equal(HttpStatusCode.OK, (await first.Open("/konto/sikkerhed")).Status);

        // The password alone now leads to the second step.
        using var second = app.Anonymous();
        var asked = await PasswordAsync(second, email, "/sager");
        Assert.Equal("/konto/totrin", asked.RedirectTo!.AbsolutePath);
        var step = await second.Open(asked.RedirectTo.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, step.Status);
        Assert.Equal("/konto/log-ind", (await second.Open("/konto/sikkerhed")).RedirectTo?.AbsolutePath);

        var wrong = await second.Submit(step, new() { ["Code"] = WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains(TwoFactorModel.WrongCode, wrong.Text(".form-error-message"), StringComparison.Ordinal);

        // The code that turned the factor on was seen: it does not work again, even within its 30 seconds.
        var reused = await second.Submit(step, new() { ["Code"] = confirmedWith });
        Assert.Equal(HttpStatusCode.OK, reused.Status);

        app.Clock.Travel(TimeSpan.FromSeconds(Totp.StepSeconds));
        var code = CodeNow(key);
        var signedIn = await second.Submit(step, new() { ["Code"] = code });
        Assert.Equal("/sager", signedIn.RedirectTo?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await second.Open("/konto/sikkerhed")).Status);

        // Someone who saw that code over the user's shoulder has the password too, but not the next code.
        using var third = app.Anonymous();
        var thirdStep = await third.Open((await PasswordAsync(third, email, "/")).RedirectTo!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await third.Submit(thirdStep, new() { ["Code"] = code })).Status);
        Assert.Equal("/konto/log-ind", (await third.Open("/konto/sikkerhed")).RedirectTo?.AbsolutePath);
    }

    [Fact]
    public async Task The_page_shows_the_key_as_text_and_as_an_otpauth_address_for_the_app()
    {
        var email = await SecondFactorAccounts.CreateAsync(app, Roles.Member, Password);
        using var visitor = app.Anonymous();
        await visitor.SignIn(email, Password);

        var begun = await visitor.Press(await visitor.Open("/konto/sikkerhed"), "Slå totrinsbekræftelse til", []);
        Assert.Equal(HttpStatusCode.Redirect, begun.Status);
        var page = await visitor.Open("/konto/sikkerhed");

        var key = page.Text("#authenticator-key").Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(32, key.Length);
        Assert.Equal(20, Base32.Decode(key)!.Length);
        Assert.Equal(
            $"otpauth://totp/Raad:{Uri.EscapeDataString(email)}?secret={key}&issuer=Raad&algorithm=SHA1&digits=6&period=30",
            page.Text("#authenticator-uri"));

        // Not on until confirmed: a wrong code is refused with the reason next to the field.
        var wrong = await visitor.Submit(page, new() { ["Code"] = WrongCode(Base32.Decode(key)!) });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("Engangskoden passer ikke", wrong.Text(".form-error-message"), StringComparison.Ordinal);
        using var other = app.Anonymous();
        Assert.Equal("/", (await PasswordAsync(other, email, "/")).RedirectTo?.AbsolutePath);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_exactly_once()
    {
        var email = await SecondFactorAccounts.CreateAsync(app, Roles.Secretariat, Password);
        using (var owner = app.Anonymous())
        {
            await owner.SignIn(email, Password);
            var (_, codes, _, _) = await SecondFactorAccounts.TurnOnAsync(app, owner);

            using var withoutPhone = app.Anonymous();
            var step = await withoutPhone.Open((await PasswordAsync(withoutPhone, email, "/sager")).RedirectTo!.PathAndQuery);
            // Typed as written down on paper: lower case, a space instead of the dash.
            var signedIn = await withoutPhone.Submit(step, new() { ["RecoveryCode"] = codes[0].ToLowerInvariant().Replace('-', ' ') });
            Assert.Equal("/sager", signedIn.RedirectTo?.AbsolutePath);
            Assert.Contains("Du har 9 ubrugte gendannelseskoder.", (await withoutPhone.Open("/konto/sikkerhed")).Text("main p"), StringComparison.Ordinal);

            using var again = app.Anonymous();
            var secondStep = await again.Open((await PasswordAsync(again, email, "/")).RedirectTo!.PathAndQuery);
            var refused = await again.Submit(secondStep, new() { ["RecoveryCode"] = codes[0] });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(TwoFactorModel.WrongRecoveryCode, refused.Text(".form-error-message"), StringComparison.Ordinal);
            Assert.Equal("/konto/log-ind", (await again.Open("/konto/sikkerhed")).RedirectTo?.AbsolutePath);

            Assert.Equal("/", (await again.Submit(secondStep, new() { ["RecoveryCode"] = codes[1] })).RedirectTo?.AbsolutePath);
        }

        // Only hashes are stored: no recovery code is readable from the tokens table.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.Equal(8, await users.CountRecoveryCodesAsync(user));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_a_member_may_turn_the_factor_off()
    {
        var email = await SecondFactorAccounts.CreateAsync(app, Roles.Member, Password);
        using var owner = app.Anonymous();
        await owner.SignIn(email, Password);
        var (_, oldCodes, _, _) = await SecondFactorAccounts.TurnOnAsync(app, owner);

        var renewed = await owner.Press(await owner.Open("/konto/sikkerhed"), "Lav nye gendannelseskoder", []);
        var newCodes = renewed.Document.QuerySelectorAll(".raad-recovery-codes code").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(10, newCodes.Length);
        Assert.Empty(newCodes.Intersect(oldCodes));
        // Shown once: the page opened again lists none.
        Assert.Empty((await owner.Open("/konto/sikkerhed")).Document.QuerySelectorAll(".raad-recovery-codes code"));

        using var withOld = app.Anonymous();
        var step = await withOld.Open((await PasswordAsync(withOld, email, "/")).RedirectTo!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await withOld.Submit(step, new() { ["RecoveryCode"] = oldCodes[0] })).Status);
        Assert.Equal("/", (await withOld.Submit(step, new() { ["RecoveryCode"] = newCodes[0] })).RedirectTo?.AbsolutePath);

        var off = await owner.Press(await owner.Open("/konto/sikkerhed"), "Slå totrinsbekræftelse fra", []);
        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        // This session goes on; the password alone signs in again.
        Assert.Contains("Totrinsbekræftelse er slået fra.", (await owner.Open("/konto/sikkerhed")).Text("[role=status]"), StringComparison.Ordinal);
        using var later = app.Anonymous();
        Assert.Equal("/", (await PasswordAsync(later, email, "/")).RedirectTo?.AbsolutePath);
    }

    [Fact]
    public async Task An_administrators_reset_takes_the_second_factor_away_and_ends_the_sessions()
    {
        var email = await SecondFactorAccounts.CreateAsync(app, Roles.Member, Password);
        using var owner = app.Anonymous();
        await owner.SignIn(email, Password);
        await SecondFactorAccounts.TurnOnAsync(app, owner);
        string stampBefore;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            stampBefore = user.SecurityStamp!;

            var reset = await scope.ServiceProvider.GetRequiredService<ResetSecondFactor>().HandleAsync(user.Id, Ct);
            Assert.True(reset.IsSuccess, string.Join("; ", reset.Errors.Select(e => e.Message)));
            Assert.Equal(email, reset.Value);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.False(user.TwoFactorEnabled);
            Assert.True(string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)));
            Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
            Assert.NotEqual(stampBefore, user.SecurityStamp);
        }

        app.Clock.Travel(SignInSecurity.StampValidation * 2);
        Assert.Equal("/konto/log-ind", (await owner.Open("/konto/sikkerhed")).RedirectTo?.AbsolutePath);
        // The password alone signs in again, and the page offers to turn the factor on anew.
        using var again = app.Anonymous();
        Assert.Equal("/", (await PasswordAsync(again, email, "/")).RedirectTo?.AbsolutePath);
        var page = await again.Open("/konto/sikkerhed");
        Assert.Contains(page.Document.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Slå totrinsbekræftelse til");
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_session_in_the_other_browser()
    {
        var email = await SecondFactorAccounts.CreateAsync(app, Roles.Member, Password);
        var bystanderEmail = await SecondFactorAccounts.CreateAsync(app, Roles.Member, Password);
        using var laptop = app.Anonymous();
        using var phone = app.Anonymous();
        using var bystander = app.Anonymous();
        await laptop.SignIn(email, Password);
        await phone.SignIn(email, Password);
        await bystander.SignIn(bystanderEmail, Password);

        var done = await phone.Press(await phone.Open("/konto/sikkerhed"), "Log ud alle steder", []);

        Assert.Equal("/konto/log-ind", done.RedirectTo?.AbsolutePath);
        Assert.Equal("/konto/log-ind", (await phone.Open("/konto/sikkerhed")).RedirectTo?.AbsolutePath);
        // The laptop's cookie is checked against the account's stamp at its next request: refused at once.
        Assert.Equal("/konto/log-ind", (await laptop.Open("/konto/sikkerhed")).RedirectTo?.AbsolutePath);
        Assert.Equal("/konto/log-ind", (await laptop.Open("/konto/sikkerhed")).RedirectTo?.AbsolutePath);
        // Someone else's session is untouched by the same minutes.
        Assert.Equal(HttpStatusCode.OK, (await bystander.Open("/konto/sikkerhed")).Status);
        // And the account signs in again as before.
        await laptop.SignIn(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Open("/konto/sikkerhed")).Status);
    }

    [Fact]
    public async Task A_session_that_passed_the_second_factor_stays_so_after_its_cookie_is_validated_again()
    {
        var email = await SecondFactorAccounts.CreateAsync(app, Roles.Member, Password);
        using var owner = app.Anonymous();
        await owner.SignIn(email, Password);
        await SecondFactorAccounts.TurnOnAsync(app, owner);

        app.Clock.Travel(SignInSecurity.StampValidation * 2);

        Assert.Equal(HttpStatusCode.OK, (await owner.Open("/konto/sikkerhed")).Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.Open("/konto/sikkerhed")).Status);
    }

    private static async Task<HtmlPage> PasswordAsync(Visitor visitor, string email, string returnUrl)
    {
        var login = await visitor.Open($"/konto/log-ind?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        var result = await visitor.Submit(login, new() { ["Email"] = email, ["Password"] = Password });
        Assert.True(result.RedirectTo is not null, $"Log ind gav {(int)result.Status}: {result.Text("[role=alert]")}");
        return result;
    }

    private string CodeNow(byte[] key) => Totp.Code(key, Totp.StepAt(app.Clock.GetUtcNow()));

    /// <summary>A code of the right shape that is none of the codes accepted now.</summary>
    private string WrongCode(byte[] key)
    {
        var now = Totp.StepAt(app.Clock.GetUtcNow());
        var accepted = Enumerable.Range(-2, 5).Select(d => Totp.Code(key, now + d)).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }
}

/// <summary>Accounts of their own for each scenario, and the second factor turned on through the page.</summary>
public static class SecondFactorAccounts
{
    public static async Task<string> CreateAsync(RaadApp app, string role, string password)
    {
        var email = $"totrin-{Guid.NewGuid():N}@region.test";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Totrin Testesen" };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (role == Roles.Secretariat)
        {
            // The secretariat is held per body: this one runs the first of the demo's.
            var db = scope.ServiceProvider.GetRequiredService<Raad.Web.Data.AppDbContext>();
            db.SecretariatGrants.Add(new SecretariatGrant { UserId = user.Id, BodyId = db.Bodies.OrderBy(b => b.Id).Select(b => b.Id).First() });
            await db.SaveChangesAsync();
        }
        return email;
    }

    /// <summary>
    /// "Slå totrinsbekræftelse til", the key read off the page as a user types it into the app, and the app's code confirmed;
    /// answers the key, the recovery codes shown, the page that showed them and the code that confirmed.
    /// </summary>
    public static async Task<(byte[] Key, string[] Codes, HtmlPage Page, string ConfirmedWith)> TurnOnAsync(RaadApp app, Visitor visitor)
    {
        var begun = await visitor.Press(await visitor.Open("/konto/sikkerhed"), "Slå totrinsbekræftelse til", []);
        Assert.True(begun.Status == HttpStatusCode.Redirect, $"Ikke begyndt ({(int)begun.Status}): {begun.Text("[role=alert]")}");
        var page = await visitor.Open("/konto/sikkerhed");
        var key = Base32.Decode(page.Text("#authenticator-key"))!;
        var code = Totp.Code(key, Totp.StepAt(app.Clock.GetUtcNow()));
        var confirmed = await visitor.Submit(page, new() { ["Code"] = code });
        Assert.True(confirmed.Status == HttpStatusCode.OK, $"Ikke slået til ({(int)confirmed.Status})");
        var codes = confirmed.Document.QuerySelectorAll(".raad-recovery-codes code").Select(c => c.TextContent.Trim()).ToArray();
        Assert.True(codes.Length > 0, $"Ingen gendannelseskoder: {confirmed.Text("[role=alert]")}");
        return (key, codes, confirmed, code);
    }
}

public sealed class SecondFactorOnSqlite(SqliteApp app) : SecondFactorScenarios(app), IClassFixture<SqliteApp>;

public sealed class SecondFactorOnPostgres(PostgresApp app) : SecondFactorScenarios(app), IClassFixture<PostgresApp>;

/// <summary>
/// Raad:Accounts:RequireTwoFactorFor = Administrator, Secretariat: such an account signed in with its password alone may only
/// set up its second factor; a member goes on as before.
/// </summary>
public abstract class RequiredSecondFactorScenarios(RaadApp app)
{
    private const string Password = "en-lang-adgangskode-til-test";

    [Fact]
    public async Task The_secretariat_is_sent_to_set_up_its_second_factor_and_can_do_nothing_else_until_it_has()
    {
        var email = await SecondFactorAccounts.CreateAsync(app, Roles.Secretariat, Password);
        using var secretary = app.Anonymous();
        await secretary.SignIn(email, Password);

        Assert.Equal("/konto/sikkerhed", (await secretary.Open("/udvalg/nyt")).RedirectTo?.AbsolutePath);
        Assert.Equal("/konto/sikkerhed", (await secretary.Open("/")).RedirectTo?.AbsolutePath);
        using (var api = await secretary.Get("/api/bodies"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }
        var page = await secretary.Open("/konto/sikkerhed");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Totrinsbekræftelse er påkrævet", page.Text("[role=alert]"), StringComparison.Ordinal);
        // A form elsewhere is not reached either.
        var refused = await secretary.Post("/udvalg/nyt", page,
            [new("Input.Name", "Udvalg uden andet trin"), new("Input.Level", "Political"), new("Input.ValidFrom", "2026-01-01")]);
        Assert.Equal("/konto/sikkerhed", refused.RedirectTo?.AbsolutePath);

        var (key, _, turnedOn, _) = await SecondFactorAccounts.TurnOnAsync(app, secretary);

        Assert.DoesNotContain("Totrinsbekræftelse er påkrævet", turnedOn.Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await secretary.Open("/udvalg/nyt")).Status);
        // Still so once the cookie has been checked against the account again.
        app.Clock.Travel(SignInSecurity.StampValidation * 2);
        Assert.Equal(HttpStatusCode.OK, (await secretary.Open("/udvalg/nyt")).Status);
        // The role requires it: there is no button to turn it off, and the form is refused.
        var security = await secretary.Open("/konto/sikkerhed");
        Assert.DoesNotContain(security.Document.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Slå totrinsbekræftelse fra");
        var off = await secretary.Post("/konto/sikkerhed?handler=Disable", security, []);
        Assert.Contains("Din rolle kræver totrinsbekræftelse", off.Text("[role=alert]"), StringComparison.Ordinal);

        // The next sign-in asks for the code after the password.
        using var again = app.Anonymous();
        var login = await again.Submit(await again.Open("/konto/log-ind"), new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal("/konto/totrin", login.RedirectTo?.AbsolutePath);
        var step = await again.Open(login.RedirectTo!.PathAndQuery);
        Assert.Equal("/", (await again.Submit(step, new() { ["Code"] = Totp.Code(key, Totp.StepAt(app.Clock.GetUtcNow())) })).RedirectTo?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await again.Open("/udvalg/nyt")).Status);
    }

    [Fact]
    public async Task A_member_is_not_asked_for_a_second_factor()
    {
        using var member = await app.SignInAs(Role.Member);

        Assert.Equal(HttpStatusCode.OK, (await member.Open("/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await member.Open("/punktoensker")).Status);
    }
}

public sealed class SqliteAppRequiringSecondFactor : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Raad:Accounts:RequireTwoFactorFor:0", "Administrator");
        builder.UseSetting("Raad:Accounts:RequireTwoFactorFor:1", "sekretariat");
    }
}

public sealed class PostgresAppRequiringSecondFactor : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Raad:Accounts:RequireTwoFactorFor:0", "Administrator");
        builder.UseSetting("Raad:Accounts:RequireTwoFactorFor:1", "sekretariat");
    }
}

public sealed class RequiredSecondFactorOnSqlite(SqliteAppRequiringSecondFactor app)
    : RequiredSecondFactorScenarios(app), IClassFixture<SqliteAppRequiringSecondFactor>;

public sealed class RequiredSecondFactorOnPostgres(PostgresAppRequiringSecondFactor app)
    : RequiredSecondFactorScenarios(app), IClassFixture<PostgresAppRequiringSecondFactor>;
