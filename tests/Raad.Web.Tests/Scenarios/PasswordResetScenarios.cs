using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Features.Account;
using Raad.Web.Infrastructure;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// "Glemt adgangskode?" on the login page: the mail goes through the outbox to a real SMTP server on loopback, its link sets
/// a new password once, and the page never tells whether an e-mail has an account.
/// </summary>
public abstract partial class PasswordResetScenarios(RaadApp app)
{
    private const string OldPassword = "den-gamle-adgangskode-til-test";
    private const string NewPassword = "en-helt-ny-adgangskode-til-test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_who_forgot_the_password_sets_a_new_one_from_the_mailed_link_which_works_once()
    {
        var email = await SecondFactorAccounts.CreateAsync(app, Roles.Member, OldPassword);
        using var visitor = app.Anonymous();
        var login = await visitor.Open("/konto/log-ind");
        var forgot = login.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Glemt adgangskode?").GetAttribute("href")!;

        var asked = await visitor.Submit(await visitor.Open(forgot), new() { ["Email"] = email.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains(ForgotPasswordModel.Sent, asked.Text("[role=status]"), StringComparison.Ordinal);
        var mail = (await app.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == email))).Single();
        Assert.Equal("Ny adgangskode til Raad", mail.Subject);
        Assert.Contains("Linket virker én gang og i 2 timer.", mail.TextBody, StringComparison.Ordinal);
        var link = new Uri(Link().Match(mail.TextBody ?? "").Value);
        Assert.Equal(new Uri(RaadApp.PublicUrl).Host, link.Host);
        Assert.Equal("/konto/ny-adgangskode", link.AbsolutePath);

        // Opened in the browser (the test app answers at its own address): a form for the new password.
        var form = await visitor.Open(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var mismatch = await visitor.Submit(form, new() { ["Password"] = NewPassword, ["Repeated"] = NewPassword + "x" });
        Assert.Contains("De to adgangskoder er ikke ens.", mismatch.Text(".form-error-message"), StringComparison.Ordinal);
        var common = await visitor.Submit(form, new() { ["Password"] = "1234567890", ["Repeated"] = "1234567890" });
        Assert.Equal(HttpStatusCode.OK, common.Status);
        Assert.NotEqual("", common.Text(".form-error-message"));

        var saved = await visitor.Submit(form, new() { ["Password"] = NewPassword, ["Repeated"] = NewPassword });
        Assert.Equal("/konto/log-ind", saved.RedirectTo?.AbsolutePath);

        await visitor.SignIn(email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Open("/konto/sikkerhed")).Status);
        using var withOld = app.Anonymous();
        var refused = await withOld.Submit(await withOld.Open("/konto/log-ind"), new() { ["Email"] = email, ["Password"] = OldPassword });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(LoginModel.Refused, refused.Text("[role=alert]"), StringComparison.Ordinal);

        // The second time, the link is refused: opened, and sent as the form was before it was used.
        using var later = app.Anonymous();
        var again = await later.Open(link.PathAndQuery);
        Assert.Contains(ResetPassword.InvalidLink.Message, again.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Empty(again.Document.QuerySelectorAll("input[name='Password']"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var resent = await later.Post("/konto/ny-adgangskode", again,
        [
            new("konto", query["konto"].ToString()), new("kode", query["kode"].ToString()),
            new("Password", "en-tredje-adgangskode-til-test"), new("Repeated", "en-tredje-adgangskode-til-test"),
        ]);
        Assert.Equal(HttpStatusCode.OK, resent.Status);
        Assert.Contains(ResetPassword.InvalidLink.Message, resent.Text("[role=alert]"), StringComparison.Ordinal);
        await later.SignIn(email, NewPassword);
    }

    [Fact]
    public async Task The_answer_is_the_same_for_an_e_mail_without_an_account_and_no_mail_is_written()
    {
        var email = await SecondFactorAccounts.CreateAsync(app, Roles.Member, OldPassword);
        const string Nobody = "ingen-konto-her@region.test";
        using var visitor = app.Anonymous();

        var known = await visitor.Submit(await visitor.Open("/konto/glemt-adgangskode"), new() { ["Email"] = email });
        var unknown = await visitor.Submit(await visitor.Open("/konto/glemt-adgangskode"), new() { ["Email"] = Nobody });

        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Text("main"), unknown.Text("main"));
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.AsNoTracking();
        Assert.Equal(1, await outbox.CountAsync(m => m.Kind == RequestPasswordReset.Kind && m.To == email, Ct));
        Assert.Equal(0, await outbox.CountAsync(m => m.To == Nobody, Ct));
    }

    [Fact]
    public async Task A_link_that_was_cut_or_changed_is_refused()
    {
        using var visitor = app.Anonymous();

        foreach (var url in new[] { "/konto/ny-adgangskode", "/konto/ny-adgangskode?konto=x&kode=y", "/konto/ny-adgangskode?konto=x&kode=%%%" })
        {
            var page = await visitor.Open(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(ResetPassword.InvalidLink.Message, page.Text("[role=alert]"), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"https?://\S+/konto/ny-adgangskode\?\S+")]
    private static partial Regex Link();
}

public sealed class PasswordResetOnSqlite(SqliteApp app) : PasswordResetScenarios(app), IClassFixture<SqliteApp>;

public sealed class PasswordResetOnPostgres(PostgresApp app) : PasswordResetScenarios(app), IClassFixture<PostgresApp>;
