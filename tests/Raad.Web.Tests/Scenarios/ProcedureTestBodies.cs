using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>Set-up shared by the workflow scenarios: a body with rules in force today and the demo member in it.</summary>
internal static class ProcedureTestBodies
{
    public const string Member = "Jørgen Steen Andersen";

    /// <summary>The demo member's e-mail: his person has none, so mail goes to his account's address.</summary>
    public const string MemberEmail = "medlem@raad.local";

    /// <summary>The demo secretariat's account, which the administrator grants the bodies he sets up for a scenario.</summary>
    public const string SecretariatEmail = "sekretariat@raad.local";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A new body (one name per scenario) from 1 January 2026 with rules of procedure (extra fields, e.g. the approval
    /// practice) and the demo member.
    /// </summary>
    public static async Task<int> BodyWithRulesAndMember(RaadApp app, string name, Dictionary<string, string>? rules = null)
    {
        using var administrator = await app.SignInAs(Role.Administrator);
        var body = await administrator.CreateBody(name, "2026-01-01");
        await administrator.GrantSecretariat(SecretariatEmail, body);
        {
            var fields = new Dictionary<string, string> { ["Input.ValidFrom"] = "2026-01-01" };
            foreach (var (key, value) in rules ?? [])
            {
                fields[key] = value;
            }
            var saved = await administrator.Submit(await administrator.Open($"/udvalg/{body}/forretningsorden/ny"), fields);
            Assert.True(saved.Status == HttpStatusCode.Redirect, $"Forretningsorden ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        }
        await AddMember(administrator, body, Member, "GeneralPractice");
        return body;
    }

    /// <summary>Seats an existing person as a member of the body from 1 January 2026, through the form.</summary>
    public static async Task AddMember(Visitor administrator, int body, string name, string group)
    {
        var form = await administrator.Open($"/udvalg/{body}/medlemskaber/nyt");
        var person = form.Document.QuerySelectorAll("select[name='Input.PersonId'] option")
            .Single(o => o.TextContent.StartsWith(name, StringComparison.Ordinal)).GetAttribute("value")!;
        var added = await administrator.Submit(form, new()
        {
            ["Input.PersonId"] = person,
            ["Input.Role"] = "Member",
            ["Input.Group"] = group,
            ["Input.From"] = "2026-01-01",
        });
        Assert.True(added.Status == HttpStatusCode.Redirect, $"Medlemskab ikke gemt ({(int)added.Status}): {added.Text("[role=alert]")}");
    }

    /// <summary>A meeting of the body on the date with one decision item, planned through the form; the meeting's and the item's id.</summary>
    public static async Task<(int Meeting, int Item)> MeetingWithItem(Visitor secretariat, int body, DateOnly date, string item)
    {
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(Iso(date), "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        var meeting = await secretariat.MeetingId(body, Iso(date));
        await secretariat.AddItem(meeting, item, kind: "Decision");
        return (meeting, await secretariat.ItemId(meeting, item));
    }

    /// <summary>Publishes the agenda (with a reason, as a short notice needs one) and marks the meeting held.</summary>
    public static async Task PublishAndHold(Visitor secretariat, int meeting)
    {
        var published = await secretariat.ChangeStatus(meeting, "AgendaPublished", "Testmøde med kort varsel.");
        Assert.True(published.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)published.Status}): {published.Text("[role=alert]")}");
        var held = await secretariat.ChangeStatus(meeting, "Held");
        Assert.True(held.Status == HttpStatusCode.Redirect, $"Ikke afholdt ({(int)held.Status}): {held.Text("[role=alert]")}");
    }

    /// <summary>The page's form whose handler is <paramref name="handler"/> (asp-page-handler).</summary>
    public static IHtmlFormElement Handler(this HtmlPage page, string handler) =>
        page.Document.Forms.FirstOrDefault(f => f.Action.Contains($"handler={handler}", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"{page.Address} ({(int)page.Status}) har ingen formular til {handler}: {page.Text("[role=alert]")}");

    /// <summary>The mail waiting in (or sent from) the outbox, in the order it was written.</summary>
    public static async Task<List<Raad.Web.Infrastructure.Mail.OutboxMessage>> Outbox(RaadApp app, string kind)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Outbox.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>One pass of the procedure clock, as the background service runs it.</summary>
    public static Task<(int MinutesApproved, int ProceduresDecided)> RunProcedureClock(RaadApp app) =>
        Raad.Web.Features.Procedure.ProcedureClock.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);
}
