using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Raad.Web.Features.Account;
using Raad.Web.Features.Demo;
using Raad.Web.Infrastructure;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// What an outsider tries: links that run script, a ReturnUrl that leads away, guessing which e-mails have accounts,
/// common passwords, and pages without the headers that keep a browser safe.
/// </summary>
public abstract class SecurityScenarios(RaadApp app, CountingHasher hasher)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";

    [Fact]
    public async Task A_virtual_meeting_link_must_be_a_web_address_and_a_stored_script_link_is_never_rendered()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var meeting = (await secretariat.Meetings(syd))
            .First(m => m.GetProperty("status").GetString() is not ("minutesApproved" or "cancelled")).GetProperty("id").GetInt32();

        foreach (var link in new[] { "javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "teams.microsoft.com/l/x" })
        {
            var refused = await secretariat.Submit(await secretariat.Open($"/moeder/{meeting}/rediger"),
                new() { ["Input.IsVirtual"] = "true", ["Input.VirtualLink"] = link });

            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("webadresse", refused.Text(".form-error-message"), StringComparison.Ordinal);
            // What the secretary typed is still in the field.
            Assert.Equal(link, refused.Value("Input.VirtualLink"));
        }
        var page = await secretariat.Open($"/moeder/{meeting}");
        Assert.DoesNotContain(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) == true);

        var saved = await secretariat.Submit(await secretariat.Open($"/moeder/{meeting}/rediger"),
            new() { ["Input.IsVirtual"] = "true", ["Input.VirtualLink"] = "https://teams.microsoft.com/l/meetup-join/abc" });
        Assert.NotNull(saved.RedirectTo);
        var join = (await secretariat.Open($"/moeder/{meeting}")).Document.QuerySelectorAll("a").Single(a => a.TextContent == "Deltag i mødet");
        Assert.Equal("https://teams.microsoft.com/l/meetup-join/abc", join.GetAttribute("href"));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("https://evil.test/phish")]
    [InlineData("//evil.test/phish")]
    [InlineData("/\\evil.test/phish")]
    public async Task A_return_url_that_leads_off_the_site_becomes_the_front_page_on_the_person_form_and_after_sign_in(string returnUrl)
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.Open($"/udvalg/{await secretariat.BodyId(Syd)}");
        var person = body.Document.QuerySelectorAll("a").First(a => a.GetAttribute("href")?.StartsWith("/personer/", StringComparison.Ordinal) == true)
            .GetAttribute("href")!.Split('?')[0];

        var form = await secretariat.Open($"{person}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal("/", form.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Fortryd").GetAttribute("href"));
        var saved = await secretariat.Submit(form, new() { ["Title"] = "Borgmester" });
        Assert.Equal("/", saved.RedirectTo!.AbsolutePath);
        Assert.Equal(new Uri(form.Address, "/").Host, saved.RedirectTo.Host);

        var kept = await secretariat.Open($"{person}?ReturnUrl={Uri.EscapeDataString("/sager")}");
        Assert.Equal("/sager", kept.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Fortryd").GetAttribute("href"));

        using var visitor = app.Anonymous();
        var login = await visitor.Open($"/konto/log-ind?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        var signedIn = await visitor.Submit(login, new() { ["Email"] = "sekretariat@raad.local", ["Password"] = DemoLoader.Password });
        Assert.Equal("/", signedIn.RedirectTo!.AbsolutePath);
        Assert.Equal(login.Address.Host, signedIn.RedirectTo.Host);
    }

    [Fact]
    public async Task Signing_in_with_an_unknown_e_mail_checks_a_password_as_a_known_one_does_and_says_the_same()
    {
        using var visitor = app.Anonymous();

        var before = hasher.Verifications;
        var unknown = await visitor.Submit(await visitor.Open("/konto/log-ind"), new() { ["Email"] = "ingen@raad.local", ["Password"] = "forkert-adgangskode" });
        var afterUnknown = hasher.Verifications;
        var wrong = await visitor.Submit(await visitor.Open("/konto/log-ind"), new() { ["Email"] = "medlem@raad.local", ["Password"] = "forkert-adgangskode" });
        var afterWrong = hasher.Verifications;

        // The same work (one password hashed, about 70 ms) whether the account exists or not: the time tells nothing.
        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterWrong - afterUnknown);
        Assert.Equal(wrong.Text("[role=alert]"), unknown.Text("[role=alert]"));
        Assert.Contains(LoginModel.Refused, unknown.Text("[role=alert]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_answers_as_an_unknown_e_mail_does()
    {
        var email = $"laast-{Guid.NewGuid():N}@raad.local";
        Assert.True((await CreateAccount.RunAsync(app.Services, email, "medlem", "en lang og god adgangssætning")).IsSuccess);
        using var visitor = app.Anonymous();
        for (var i = 0; i < 10; i++)
        {
            await visitor.Submit(await visitor.Open("/konto/log-ind"), new() { ["Email"] = email, ["Password"] = $"forkert-{i}-adgangskode" });
        }

        var before = hasher.Verifications;
        var locked = await visitor.Submit(await visitor.Open("/konto/log-ind"), new() { ["Email"] = email, ["Password"] = "en lang og god adgangssætning" });
        var checkedLocked = hasher.Verifications - before;
        var unknown = await visitor.Submit(await visitor.Open("/konto/log-ind"), new() { ["Email"] = $"x{email}", ["Password"] = "en lang og god adgangssætning" });

        Assert.Null(locked.RedirectTo);
        Assert.Equal(unknown.Text("[role=alert]"), locked.Text("[role=alert]"));
        Assert.Equal(1, checkedLocked);
    }

    [Theory]
    [InlineData("aaaaaaaaaa", CommonPasswordValidator.RepetitiveCode)]
    [InlineData("abababababab", CommonPasswordValidator.RepetitiveCode)]
    [InlineData("qwertyuiop", CommonPasswordValidator.CommonCode)]
    [InlineData("Password123", CommonPasswordValidator.CommonCode)]
    [InlineData("1234567890", CommonPasswordValidator.CommonCode)]
    public async Task A_common_or_repetitive_password_is_refused_with_a_danish_message(string password, string code)
    {
        var email = $"ny-{Guid.NewGuid():N}@raad.local";

        var refused = await CreateAccount.RunAsync(app.Services, email, "medlem", password);

        Assert.False(refused.IsSuccess);
        Assert.Contains(code == CommonPasswordValidator.CommonCode ? "mest brugte" : "gentager", string.Join(" ", refused.Errors.Select(e => e.Message)), StringComparison.Ordinal);
        Assert.True((await CreateAccount.RunAsync(app.Services, email, "medlem", "kaffe på rådhuset kl. 14")).IsSuccess);
    }
}

public sealed class SecurityOnSqlite(CountingSqliteApp app) : SecurityScenarios(app, app.Hasher), IClassFixture<CountingSqliteApp>;

public sealed class SecurityOnPostgres(CountingPostgresApp app) : SecurityScenarios(app, app.Hasher), IClassFixture<CountingPostgresApp>;
