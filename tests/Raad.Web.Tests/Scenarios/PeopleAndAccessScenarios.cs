using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// People and access, as the council's first weeks go: the administrator invites a secretary for the council only, she
/// invites the council's members, a member accepts through his organisation's sign-in and reads the council's draft but
/// nothing closed of another body, the secretary cannot touch another body, and a deactivated member is refused.
/// </summary>
public abstract partial class PeopleAndAccessScenarios(RaadApp app, TestProviders providers)
{
    private const string Council = "Sundhedsråd Amager og Vestegnen";
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private const string Secretary = "sara.sekretaer@hvidovre.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_secretary_invited_for_the_council_invites_its_members_and_one_signs_in_through_his_region()
    {
        using var administrator = await app.SignInAs(Role.Administrator);
        var council = await administrator.BodyId(Council);
        var syd = await administrator.BodyId(Syd);
        var secret = await ClosedItemOfSyd(syd);
        var (withMail, withoutMail) = await SeatMembers(council);

        // The administrator invites a secretary for the council only, as a new person.
        var users = await administrator.Open("/brugere");
        var box = users.Document.GetElementById($"Input_SecretariatOf_{council}") as AngleSharp.Html.Dom.IHtmlInputElement;
        box!.IsChecked = true;
        var invited = await administrator.SubmitForm(users.FormWith(["Input.Email"]), new() { ["Input.Email"] = Secretary, ["Input.Name"] = "Sara Sekretær" });
        Assert.True(invited.Status == HttpStatusCode.Redirect, $"Ikke inviteret ({(int)invited.Status}): {invited.Text("[role=alert]")}");
        Assert.Contains("Sara Sekretær", (await administrator.Open("/brugere")).Text("tbody"));

        // She follows the link in the mail and chooses a password.
        using var sara = app.Anonymous();
        var link = await InvitationLinkTo(Secretary);
        var accepted = await sara.Submit(await sara.Open(link), new() { ["Password"] = "sara-vælger-en-lang-kode", ["Repeated"] = "sara-vælger-en-lang-kode" });
        Assert.True(accepted.Status == HttpStatusCode.Redirect, $"Invitationen ikke taget imod ({(int)accepted.Status}): {accepted.Text("[role=alert]")}");
        Assert.Contains(AcceptInvitationInvalid, (await app.Anonymous().Open(link)).Text("[role=alert]"));

        // She plans the council's first meeting with an item, a draft.
        var date = app.Clock.Today.AddDays(40);
        var (meeting, _) = await ProcedureTestBodies.MeetingWithItem(sara, council, date, "Konstituering af sundhedsrådet");

        // She invites the council, after seeing who gets what.
        var preview = await sara.Open($"/udvalg/{council}/invitationer");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        foreach (var (name, _) in withMail)
        {
            Assert.Contains($"{name}", RowOf(preview, name));
            Assert.Contains("En invitation", RowOf(preview, name));
        }
        Assert.Contains("mangler e-mailadresse", RowOf(preview, withoutMail));
        var sent = await sara.SubmitForm(preview.FormWith(["Invited"]), []);
        Assert.True(sent.Status == HttpStatusCode.Redirect, $"Ikke sendt ({(int)sent.Status}): {sent.Text("[role=alert]")}");
        foreach (var (_, email) in withMail)
        {
            await InvitationLinkTo(email);
        }
        // Everyone with an address has an account now: nothing more to send.
        Assert.DoesNotContain("En invitation", (await sara.Open($"/udvalg/{council}/invitationer")).Text("tbody"));

        // One member accepts through his region's sign-in, whatever address the region has for him.
        var (memberName, memberEmail) = withMail[0];
        providers.RegionProvider.AddAccount("mads-sub", "mads.privat@example.test", emailVerified: false, memberName);
        using var mads = new OidcBrowser(app);
        var signedIn = await mads.SignInWith(await mads.App.Open(await InvitationLinkTo(memberEmail)), TestProviders.RegionLabel, "mads-sub");
        Assert.Equal("/", signedIn.RedirectTo?.PathAndQuery);
        Assert.Equal(memberName, await mads.SignedInAs());

        // He reads the council's draft agenda, and nothing closed of Syd.
        var draft = await mads.App.Open($"/moeder/{meeting}/dagsorden");
        Assert.Equal(HttpStatusCode.OK, draft.Status);
        Assert.Contains("Konstituering af sundhedsrådet", draft.Text("main"));
        foreach (var url in new[] { $"/moeder/{secret.Meeting}/dagsorden", $"/moeder/{secret.Meeting}", $"/api/meetings/{secret.Meeting}" })
        {
            Assert.DoesNotContain(secret.Marker, await TextOf(mads.App, url));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await mads.App.Open($"/bilag/{secret.Attachment}")).Status);
        // The public does not see the council's draft.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().Open($"/moeder/{meeting}/dagsorden")).Status);

        // The secretary cannot edit Syd, nor read its closed item, nor invite its members.
        foreach (var url in new[] { $"/udvalg/{syd}/rediger", $"/udvalg/{syd}/moeder/nyt", $"/moeder/{secret.Meeting}/dagsorden/rediger", $"/udvalg/{syd}/invitationer" })
        {
            Assert.Equal("/konto/adgang-naegtet", (await sara.Open(url)).RedirectTo?.AbsolutePath);
        }
        // A form for Syd sent anyway, with a good token from her own page: refused, nothing planned.
        var own = await sara.Open($"/moeder/{meeting}");
        var planned = await sara.Post($"/udvalg/{syd}/moeder/nyt", own, new Dictionary<string, string>
        {
            ["Input.Date"] = "2025-12-29",
            ["Input.Start"] = "14:00",
            ["Input.End"] = "16:00",
            ["Input.Kind"] = "Ordinary",
            ["Input.Location"] = "Et sted",
        });
        Assert.Equal("/konto/adgang-naegtet", planned.RedirectTo?.AbsolutePath);
        Assert.DoesNotContain("2025-12-29", await TextOf(administrator, $"/api/bodies/{syd}/meetings"));
        Assert.DoesNotContain(secret.Marker, await TextOf(sara, $"/moeder/{secret.Meeting}/dagsorden"));

        // Deactivated, the member's sessions end and his sign-in is refused; nothing of him is deleted.
        var accountId = await AccountId(memberEmail);
        var account = await administrator.Open($"/brugere/{accountId}");
        var deactivated = await administrator.SubmitForm(account.Handler("Deactivate"), []);
        Assert.True(deactivated.Status == HttpStatusCode.Redirect, $"Ikke deaktiveret ({(int)deactivated.Status}): {deactivated.Text("[role=alert]")}");
        Assert.Null(await mads.SignedInAs());
        using var again = new OidcBrowser(app);
        var refused = await again.SignInWith(await again.App.Open("/konto/log-ind"), TestProviders.RegionLabel, "mads-sub");
        Assert.Null(await again.SignedInAs());
        Assert.NotEqual("/", refused.RedirectTo?.PathAndQuery);
        Assert.Contains("Deaktiveret", RowOf(await administrator.Open("/brugere"), memberName));

        // Reactivated, he comes in again the same way.
        var reactivated = await administrator.SubmitForm((await administrator.Open($"/brugere/{accountId}")).Handler("Reactivate"), []);
        Assert.Equal(HttpStatusCode.Redirect, reactivated.Status);
        using var back = new OidcBrowser(app);
        await back.SignInWith(await back.App.Open("/konto/log-ind"), TestProviders.RegionLabel, "mads-sub");
        Assert.Equal(memberName, await back.SignedInAs());
    }

    [Fact]
    public async Task The_person_and_the_account_share_one_email()
    {
        using var administrator = await app.SignInAs(Role.Administrator);
        var users = await administrator.Open("/brugere");
        var invited = await administrator.SubmitForm(users.FormWith(["Input.Email"]), new() { ["Input.Email"] = "ole.en@kommune.test", ["Input.Name"] = "Ole Enadresse" });
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
        var personId = await PersonId("Ole Enadresse");
        using var secretariat = await app.SignInAs(Role.Secretariat);

        var form = await secretariat.Open($"/personer/{personId}/rediger");
        Assert.Equal("ole.en@kommune.test", form.Value("Email"));
        var saved = await secretariat.Submit(form, new() { ["Email"] = "ole.ny@kommune.test" });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");

        Assert.Contains("ole.ny@kommune.test", RowOf(await administrator.Open("/brugere"), "Ole Enadresse"));
        Assert.DoesNotContain("ole.en@kommune.test", (await administrator.Open("/brugere")).Text("tbody"));
        // The new address is the one he is invited and signs in with.
        var account = await AccountId("ole.ny@kommune.test");
        var again = await administrator.SubmitForm((await administrator.Open($"/brugere/{account}")).Handler("InviteAgain"), []);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        await InvitationLinkTo("ole.ny@kommune.test");

        // An address another account has is refused, and the person keeps his.
        var taken = await secretariat.Submit(await secretariat.Open($"/personer/{personId}/rediger"), new() { ["Email"] = "sekretariat@raad.local" });
        Assert.Contains("Der findes allerede en konto med e-mailadressen sekretariat@raad.local.", taken.Text("[role=alert]"));
        Assert.Equal("ole.ny@kommune.test", (await secretariat.Open($"/personer/{personId}/rediger")).Value("Email"));
    }

    private static async Task<string> TextOf(Visitor visitor, string url) => (await visitor.Open(url)).Document.DocumentElement.TextContent;

    private const string AcceptInvitationInvalid = Raad.Web.Features.Account.AcceptInvitation.Invalid;

    private static string RowOf(HtmlPage page, string name) =>
        page.Document.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.TextContent.Contains(name, StringComparison.Ordinal))?.TextContent
        ?? throw new InvalidOperationException($"{page.Address} har ingen række med {name}.");

    /// <summary>The path and query of the link in the newest invitation to the address.</summary>
    private async Task<string> InvitationLinkTo(string email)
    {
        var mails = await app.WaitForMailAsync(m => m.Subject == "Invitation til Raad" && To(m) == email);
        var body = mails[^1].TextBody ?? "";
        var link = InvitationLink().Match(body);
        Assert.True(link.Success, $"Invitationen til {email} har intet link: {body}");
        Assert.StartsWith(RaadApp.PublicUrl, link.Value, StringComparison.Ordinal);
        return link.Value[RaadApp.PublicUrl.Length..];
    }

    [GeneratedRegex(@"https?://\S+/konto/invitation\?\S+")]
    private static partial Regex InvitationLink();

    private static string To(MimeMessage mail) => mail.To.Mailboxes.Single().Address;

    /// <summary>The council's members from its first day: three with an address (one an advisor), one without.</summary>
    private async Task<(List<(string Name, string Email)> WithMail, string WithoutMail)> SeatMembers(int council)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var from = await db.Bodies.Where(b => b.Id == council).Select(b => b.ValidFrom).SingleAsync(Ct);
        var people = new (string Name, string? Email, MembershipRole Role, MemberGroup? Group)[]
        {
            ("Mads Adgang", "mads.adgang@regionh.test", MembershipRole.Member, MemberGroup.Regional),
            ("Mette Adgang", "mette.adgang@hvidovre.test", MembershipRole.Member, MemberGroup.Municipal),
            ("Bo Bisidder", "bo.bisidder@hvidovre.test", MembershipRole.Advisor, null),
            ("Uden Adresse", null, MembershipRole.Member, MemberGroup.Municipal),
        };
        foreach (var (name, email, role, group) in people)
        {
            db.Memberships.Add(new Membership { BodyId = council, Person = new Person { Name = name, Email = email }, Role = role, Group = group, From = from });
        }
        await db.SaveChangesAsync(Ct);
        return ([.. people.Where(p => p.Email is not null).Select(p => (p.Name, p.Email!))], "Uden Adresse");
    }

    /// <summary>A published meeting of Syd with a closed item and its file, both marked; the demo secretariat runs Syd.</summary>
    private async Task<(int Meeting, int Attachment, string Marker)> ClosedItemOfSyd(int syd)
    {
        const string marker = "QzxSydLukketQzx";
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var date = "2025-12-09";
        var planned = await secretariat.PlanMeeting(syd, new MeetingPlan(date, "14:00", "16:00"));
        Assert.Equal(HttpStatusCode.Redirect, planned.Status);
        var meeting = await secretariat.MeetingId(syd, date);
        await secretariat.AddItem(meeting, $"Lukket sag {marker}", closed: true);
        var item = await secretariat.ItemId(meeting, $"Lukket sag {marker}");
        var attached = await secretariat.SubmitFile(await secretariat.Open($"/punkter/{item}/rediger"), new() { ["AttachmentTitle"] = $"Bilag {marker}" },
            "File", "lukket.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray(), "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, attached.Status);
        var href = (await secretariat.Open($"/punkter/{item}/rediger")).Document.QuerySelector("a[href^='/bilag/']")!.GetAttribute("href")!;
        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testens møde oprettes efter mødedagen.");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        return (meeting, int.Parse(href["/bilag/".Length..], System.Globalization.CultureInfo.InvariantCulture), marker);
    }

    private async Task<string> AccountId(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<int> PersonId(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct);
    }
}

public sealed class PeopleAndAccessOnSqlite(OidcSqliteApp app) : PeopleAndAccessScenarios(app, app.Providers), IClassFixture<OidcSqliteApp>;

public sealed class PeopleAndAccessOnPostgres(OidcPostgresApp app) : PeopleAndAccessScenarios(app, app.Providers), IClassFixture<OidcPostgresApp>;
