using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Every page and endpoint of Raad as every kind of visitor meets it: the public, a member of another body, an account with
/// no person, a member (Jørgen Steen Andersen, member of Politisk Sundhedsklynge Syd), a member of Syd disqualified from an
/// item, the secretariat and the administrator. The default is deny: a page that is not in the table fails
/// <see cref="Every_page_and_endpoint_of_the_app_has_a_decision_in_the_matrix"/>, a handler without [Needs] fails
/// <see cref="Every_page_handler_and_endpoint_declares_what_it_needs"/>.
/// </summary>
public abstract partial class PermissionMatrix(RaadApp app)
{
    private const string Syd = "Politisk Sundhedsklynge Syd";
    private const string Member = "Jørgen Steen Andersen";

    /// <summary>What a visitor gets when they open a page or send a form.</summary>
    private enum Answer
    {
        /// <summary>200: the page or the data.</summary>
        Ok,

        /// <summary>404: for this visitor the thing does not exist (drafts, closed items).</summary>
        NotFound,

        /// <summary>302 to /konto/log-ind: sign in first.</summary>
        ToLogin,

        /// <summary>302 to /konto/adgang-naegtet: signed in, but not allowed.</summary>
        Denied,

        /// <summary>302 to the meeting's page: allowed, but the meeting's status does not allow it now.</summary>
        ToMeeting,

        /// <summary>401 from the API: sign in first.</summary>
        Unauthorized,

        /// <summary>403 from the API: signed in, but not allowed.</summary>
        Forbidden,
    }

    /// <summary>Built once per app: the matrix's rows need a draft, a published meeting with a closed item, and files.</summary>
    private static readonly ConditionalWeakTable<RaadApp, Task<Places>> PlacesByApp = new();

    /// <summary>The ids the rows point at: demo data where it has the right state, the rest set up by the secretariat.</summary>
    private sealed record Places(
        int Syd,
        int SydRules,
        int PublishedDemo,
        int HeldDemo,
        int ApprovedDemo,
        int Case,
        int Membership,
        int Person,
        int Draft,
        int DraftItem,
        int DraftAttachment,
        int Published,
        int OpenAttachment,
        int ClosedAttachment,
        int Circulated,
        int WrittenProcedure,
        int RequestFile,
        int ImportPending,
        int Project,
        int HealthAgreement,
        int ItemRequest,
        int OtherMembership,
        int DisqualifiedMembership,
        Dictionary<Kind, string> Accounts,
        string AccountId,
        MarkerPlaces Markers);

    /// <summary>
    /// One row: a route template as the app registers it, a URL for it, and the answer for each visitor. A member
    /// disqualified from an item is a member; a member of another body and an account with no person are outsiders, who
    /// get what the public gets once signed in, unless the row says otherwise.
    /// </summary>
    /// <param name="Method">A script's call (PUT, POST with <paramref name="Body"/> as JSON); null for a GET.</param>
    private sealed record Row(
        string Route, string Url, Answer Anonymous, Answer Member, Answer Secretariat, Answer Administrator, Answer? Outsider = null, Answer? Colleague = null,
        Answer? OtherSecretariat = null, Answer? Advisor = null, HttpMethod? Method = null, object? Body = null)
    {
        public Answer For(Kind kind) => kind switch
        {
            Kind.Anonymous => Anonymous,
            Kind.Member => Member,
            // Another member of Syd, or its advisor: the same, unless the thing is the member's own or of a body only the member sits in.
            Kind.Disqualified => Colleague ?? Member,
            Kind.Advisor => Advisor ?? Colleague ?? Member,
            // Another body's secretariat is an outsider to Syd, but shares the records of no one body (people, cases, imports).
            Kind.OtherSecretariat => OtherSecretariat ?? For(Kind.OtherBody),
            Kind.Secretariat => Secretariat,
            Kind.Administrator => Administrator,
            _ => Outsider ?? Anonymous switch
            {
                Answer.ToLogin => Member,
                Answer.Unauthorized => Answer.Forbidden,
                _ => Anonymous,
            },
        };
    }

    /// <summary>For everyone.</summary>
    private static Row Public(string route, string url) => new(route, url, Answer.Ok, Answer.Ok, Answer.Ok, Answer.Ok);

    /// <summary>Drafts, closed items and unapproved minutes: the body's members and the editors; nobody else knows they exist.</summary>
    private static Row Insiders(string route, string url) => new(route, url, Answer.NotFound, Answer.Ok, Answer.Ok, Answer.Ok);

    /// <summary>Pages that edit: the secretariat and the administrator; a member is turned away, the public asked to sign in.</summary>
    private static Row Editors(string route, string url, Answer editors = Answer.Ok) =>
        new(route, url, Answer.ToLogin, Answer.Denied, editors, editors);

    /// <summary>Editing records the bodies share (people, cases, imports, a new body): any secretariat.</summary>
    private static Row SharedEditors(string route, string url, Answer editors = Answer.Ok) =>
        Editors(route, url, editors) with { OtherSecretariat = editors };

    /// <summary>Set-up that is the administrator's alone, such as the rules of procedure.</summary>
    private static Row Administrators(string route, string url) =>
        new(route, url, Answer.ToLogin, Answer.Denied, Answer.Denied, Answer.Ok);

    /// <summary>For anyone signed in; the use case decides what they may do there (e.g. only members ask for items).</summary>
    private static Row SignedIn(string route, string url) =>
        new(route, url, Answer.ToLogin, Answer.Ok, Answer.Ok, Answer.Ok);

    /// <summary>The signed-in caller's own part of the API (/api/me): his own data, whoever he is; the public gets 401.</summary>
    private static Row Own(string route, string url, HttpMethod? method = null, object? body = null) =>
        new(route, url, Answer.Unauthorized, Answer.Ok, Answer.Ok, Answer.Ok, Outsider: Answer.Ok, Method: method, Body: body);

    /// <summary>After signing in, for the body's members and the secretariat; anyone else signed in is turned away.</summary>
    private static Row SignedInInsiders(string route, string url) =>
        new(route, url, Answer.ToLogin, Answer.Ok, Answer.Ok, Answer.Ok, Answer.Denied);

    private static List<Row> Pages(Places p) =>
    [
        Public("", "/"),
        Public("udvalg/{id:int}", $"/udvalg/{p.Syd}"),
        Public("udvalg/{bodyId:int}/moedeplan/{year:int?}", $"/udvalg/{p.Syd}/moedeplan/2025"),
        Public("moeder/{id:int}", $"/moeder/{p.PublishedDemo}"),
        Public("moeder/{id:int}", $"/moeder/{p.Draft}"),
        Public("moeder/{id:int}/dagsorden", $"/moeder/{p.PublishedDemo}/dagsorden"),
        Insiders("moeder/{id:int}/dagsorden", $"/moeder/{p.Draft}/dagsorden"),
        Public("moeder/{id:int}/laes", $"/moeder/{p.PublishedDemo}/laes"),
        Insiders("moeder/{id:int}/laes", $"/moeder/{p.Draft}/laes"),
        Public("moeder/{id:int}/referat", $"/moeder/{p.ApprovedDemo}/referat"),
        Insiders("moeder/{id:int}/referat", $"/moeder/{p.HeldDemo}/referat"),
        Public("sager", "/sager"),
        Public("soeg", "/soeg?q=sundhed"),
        Public("sager/{id:int}", $"/sager/{p.Case}"),
        Public("konto/log-ind", "/konto/log-ind"),
        Public("konto/log-ud", "/konto/log-ud"),
        Public("konto/adgang-naegtet", "/konto/adgang-naegtet"),
        Public("konto/ekstern", "/konto/ekstern"),
        // Without a valid code it only says so.
        Public("konto/invitation", "/konto/invitation"),
        // A person's mail choices, by the link in his mails (without a valid code it only says so).
        Public("post/valg", "/post/valg"),
        // The public's e-mail alerts: the subscribe form for anyone; confirming and unsubscribing by the token in the
        // link (without a valid one the page only says so).
        Public("udvalg/{id:int}/abonnement", $"/udvalg/{p.Syd}/abonnement"),
        Public("abonnement/bekraeft", "/abonnement/bekraeft"),
        Public("abonnement/afmeld", "/abonnement/afmeld"),
        // The second factor and "Log ud alle steder" are the signed-in user's own; the second step of a sign-in needs its first.
        SignedIn("konto/sikkerhed", "/konto/sikkerhed"),
        new("konto/totrin", "/konto/totrin", Answer.ToLogin, Answer.ToLogin, Answer.ToLogin, Answer.ToLogin),
        Public("konto/glemt-adgangskode", "/konto/glemt-adgangskode"),
        Public("konto/ny-adgangskode", "/konto/ny-adgangskode"),
        Public("fejl/{code:int?}", "/fejl/404"),
        Public("api/bodies", "/api/bodies"),
        Public("api/search", "/api/search?q=sundhed"),
        Public("api/bodies/{id:int}", $"/api/bodies/{p.Syd}"),
        Public("api/bodies/{id:int}/meetings", $"/api/bodies/{p.Syd}/meetings"),
        // The body's public calendar and Atom feed: the meeting plan and the published agendas/approved minutes, for anyone.
        Public("api/bodies/{id:int}/calendar.ics", $"/api/bodies/{p.Syd}/calendar.ics"),
        Public("api/bodies/{id:int}/feed.atom", $"/api/bodies/{p.Syd}/feed.atom"),
        // The economy overview is what the public agenda prints (Tabel 1): grants are decisions of the meetings.
        Public("api/bodies/{id:int}/economy", $"/api/bodies/{p.Syd}/economy"),
        Public("udvalg/{id:int}/oekonomi", $"/udvalg/{p.Syd}/oekonomi"),
        // Pools and their grants are public like the decisions that made them; the forms on the page are for editors only.
        Public("udvalg/{id:int}/puljer/{handler?}", $"/udvalg/{p.Syd}/puljer"),
        Editors("udvalg/{id:int}/bevillinger/ny", $"/udvalg/{p.Syd}/bevillinger/ny"),
        Public("api/bodies/{id:int}/economy.csv", $"/api/bodies/{p.Syd}/economy.csv"),
        Public("api/bodies/{id:int}/economy.xlsx", $"/api/bodies/{p.Syd}/economy.xlsx"),
        Public("api/bodies/{id:int}/economy.svg", $"/api/bodies/{p.Syd}/economy.svg"),
        Public("api/meetings/{id:int}", $"/api/meetings/{p.PublishedDemo}"),
        // Documented in docs/api.md: a meeting whose agenda the caller may not see comes with an empty items list.
        Public("api/meetings/{id:int}", $"/api/meetings/{p.Draft}"),
        // Deadlines and notice are public facts; findings judged from attendance are left out until the minutes are approved.
        Public("api/meetings/{id:int}/compliance", $"/api/meetings/{p.PublishedDemo}/compliance"),
        Public("api/meetings/{id:int}/agenda.pdf", $"/api/meetings/{p.PublishedDemo}/agenda.pdf"),
        // A draft has no public edition, not even for insiders; they read the members' edition.
        new("api/meetings/{id:int}/agenda.pdf", $"/api/meetings/{p.Draft}/agenda.pdf", Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound),
        new("api/meetings/{id:int}/agenda.pdf", $"/api/meetings/{p.Draft}/agenda.pdf?version=members", Answer.Unauthorized, Answer.Ok, Answer.Ok, Answer.Ok),
        Public("api/meetings/{id:int}/minutes.pdf", $"/api/meetings/{p.ApprovedDemo}/minutes.pdf"),
        // The package is built in the background: 202 with the progress until it is ready (Ok here means 200 or 202).
        Public("api/meetings/{id:int}/package.pdf", $"/api/meetings/{p.PublishedDemo}/package.pdf"),
        new("api/meetings/{id:int}/package.pdf", $"/api/meetings/{p.Draft}/package.pdf?version=members", Answer.Unauthorized, Answer.Ok, Answer.Ok, Answer.Ok),
        Public("moeder/{id:int}/samlet-dagsorden", $"/moeder/{p.PublishedDemo}/samlet-dagsorden"),
        new("moeder/{id:int}/samlet-dagsorden", $"/moeder/{p.Draft}/samlet-dagsorden?version=members", Answer.ToLogin, Answer.Ok, Answer.Ok, Answer.Ok, Answer.Denied),
        // The members' edition: the body's members and the secretariat; the public is asked to sign in (401 from the API).
        new("api/meetings/{id:int}/minutes.pdf", $"/api/meetings/{p.ApprovedDemo}/minutes.pdf?version=members", Answer.Unauthorized, Answer.Ok, Answer.Ok, Answer.Ok),
        // The Word files follow the PDFs' rules: the same editions for the same people.
        Public("api/meetings/{id:int}/agenda.docx", $"/api/meetings/{p.PublishedDemo}/agenda.docx"),
        new("api/meetings/{id:int}/agenda.docx", $"/api/meetings/{p.Draft}/agenda.docx", Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound),
        new("api/meetings/{id:int}/agenda.docx", $"/api/meetings/{p.Draft}/agenda.docx?version=members", Answer.Unauthorized, Answer.Ok, Answer.Ok, Answer.Ok),
        Public("api/meetings/{id:int}/minutes.docx", $"/api/meetings/{p.ApprovedDemo}/minutes.docx"),
        new("api/meetings/{id:int}/minutes.docx", $"/api/meetings/{p.ApprovedDemo}/minutes.docx?version=members", Answer.Unauthorized, Answer.Ok, Answer.Ok, Answer.Ok),
        Public("bilag/{id:int}", $"/bilag/{p.OpenAttachment}"),
        // Syd keeps its closed items from its advisors (Body.AdvisorsReadClosedItems).
        Insiders("bilag/{id:int}", $"/bilag/{p.ClosedAttachment}") with { Advisor = Answer.NotFound },
        Insiders("bilag/{id:int}", $"/bilag/{p.DraftAttachment}"),
        Public("openapi/{documentName}.json", "/openapi/v1.json"),
        // The private calendar: the token in the URL is the secret, not a session; a wrong one is not found, for anyone.
        new("kalender/{token}.ics", "/kalender/ukendt-adresse.ics", Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound),
        // OParl: open data, the same for everyone (what the public sees); an unknown object is not found, for anyone.
        Public("oparl/v1/system", "/oparl/v1/system"),
        Public("oparl/v1/bodies", "/oparl/v1/bodies"),
        Public("oparl/v1/body/{id:int}", $"/oparl/v1/body/{p.Syd}"),
        Public("oparl/v1/organization/{id:int}", $"/oparl/v1/organization/{p.Syd}"),
        Public("oparl/v1/meeting/{id:int}", $"/oparl/v1/meeting/{p.PublishedDemo}"),
        Public("oparl/v1/location/{id:int}", $"/oparl/v1/location/{p.PublishedDemo}"),
        new("oparl/v1/meeting/{id:int}", $"/oparl/v1/meeting/{p.Draft}", Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound),
        new("oparl/v1/person/{body:int}-{id:int}", "/oparl/v1/person/0-0", Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound),
        new("oparl/v1/membership/{id:int}", "/oparl/v1/membership/0", Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound),
        new("oparl/v1/agendaitem/{id:int}", "/oparl/v1/agendaitem/0", Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound),
        new("oparl/v1/file/{id:int}", $"/oparl/v1/file/{p.ClosedAttachment}", Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound),
        Public("oparl/v1/body/{id:int}/organizations", $"/oparl/v1/body/{p.Syd}/organizations"),
        Public("oparl/v1/body/{id:int}/people", $"/oparl/v1/body/{p.Syd}/people"),
        Public("oparl/v1/body/{id:int}/memberships", $"/oparl/v1/body/{p.Syd}/memberships"),
        Public("oparl/v1/body/{id:int}/meetings", $"/oparl/v1/body/{p.Syd}/meetings"),
        Public("oparl/v1/body/{id:int}/locations", $"/oparl/v1/body/{p.Syd}/locations"),
        Public("oparl/v1/body/{id:int}/agendaitems", $"/oparl/v1/body/{p.Syd}/agendaitems"),
        Public("oparl/v1/body/{id:int}/files", $"/oparl/v1/body/{p.Syd}/files"),
        Public("oparl/v1/body/{id:int}/papers", $"/oparl/v1/body/{p.Syd}/papers"),
        Public("oparl/v1/body/{id:int}/consultations", $"/oparl/v1/body/{p.Syd}/consultations"),
        Public("oparl/v1/body/{id:int}/legislativeterms", $"/oparl/v1/body/{p.Syd}/legislativeterms"),
        Public("oparl/v1/legislativeterm/{id:int}", $"/oparl/v1/legislativeterm/{p.Syd}"),
        new("oparl/v1/paper/{id:int}", "/oparl/v1/paper/0", Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound),
        new("oparl/v1/consultation/{id:int}", "/oparl/v1/consultation/0", Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound, Answer.NotFound),

        SharedEditors("udvalg/nyt", "/udvalg/nyt"),
        Public("udvalg/{bodyId:int}/forretningsorden", $"/udvalg/{p.Syd}/forretningsorden"),
        SignedIn("moeder/{id:int}/punktoensker/nyt", $"/moeder/{p.Draft}/punktoensker/nyt"),
        SignedIn("punktoensker", "/punktoensker"),
        Administrators("udvalg/{bodyId:int}/forretningsorden/ny", $"/udvalg/{p.Syd}/forretningsorden/ny"),
        Administrators("forretningsordener/{id:int}/rediger", $"/forretningsordener/{p.SydRules}/rediger"),
        Editors("udvalg/{id:int}/rediger", $"/udvalg/{p.Syd}/rediger"),
        Editors("udvalg/{bodyId:int}/medlemskaber/nyt", $"/udvalg/{p.Syd}/medlemskaber/nyt"),
        Editors("medlemskaber/{id:int}/rediger", $"/medlemskaber/{p.Membership}/rediger"),
        Editors("medlemskaber/{id:int}/afslut", $"/medlemskaber/{p.Membership}/afslut"),
        SharedEditors("personer/{id:int}/rediger", $"/personer/{p.Person}/rediger"),
        Editors("udvalg/{bodyId:int}/moeder/nyt", $"/udvalg/{p.Syd}/moeder/nyt"),
        Editors("moeder/{id:int}/rediger", $"/moeder/{p.Draft}/rediger"),
        Editors("moeder/{id:int}/dagsorden/rediger", $"/moeder/{p.Draft}/dagsorden/rediger"),
        Editors("moeder/{id:int}/dagsorden/rediger", $"/moeder/{p.PublishedDemo}/dagsorden/rediger", Answer.ToMeeting),
        Editors("punkter/{id:int}/rediger", $"/punkter/{p.DraftItem}/rediger"),
        Editors("punkter/{id:int}/fjern", $"/punkter/{p.DraftItem}/fjern"),
        Editors("moeder/{id:int}/fremmoede", $"/moeder/{p.HeldDemo}/fremmoede"),
        Editors("moeder/{id:int}/fremmoede", $"/moeder/{p.PublishedDemo}/fremmoede", Answer.ToMeeting),
        Editors("moeder/{id:int}/referat/rediger", $"/moeder/{p.HeldDemo}/referat/rediger"),
        Editors("moeder/{id:int}/referat/rediger", $"/moeder/{p.PublishedDemo}/referat/rediger", Answer.ToMeeting),
        SharedEditors("sager/ny", "/sager/ny"),
        // The minutes' versions hold closed items too: the body's members and the secretariat, after signing in.
        SignedInInsiders("moeder/{id:int}/referat/godkendelse", $"/moeder/{p.Circulated}/referat/godkendelse"),
        SignedInInsiders("moeder/{id:int}/referat/udgaver/{number:int}", $"/moeder/{p.Circulated}/referat/udgaver/1"),
        SignedIn("skriftlig-proces", "/skriftlig-proces"),
        // The written procedure is of the matrix's own body, where only the demo member sits.
        SignedInInsiders("skriftlig-proces/{id:int}", $"/skriftlig-proces/{p.WrittenProcedure}") with { Colleague = Answer.Denied },
        Editors("sager/{caseId:int}/skriftlig-proces/ny", $"/sager/{p.Case}/skriftlig-proces/ny"),
        // A member's file sent with an item request: the member who sent it and the secretariat.
        new("punktoensker/bilag/{id:int}", $"/punktoensker/bilag/{p.RequestFile}", Answer.ToLogin, Answer.Ok, Answer.Ok, Answer.Ok, Answer.NotFound, Answer.NotFound),
        SharedEditors("import", "/import"),
        SharedEditors("import/{id:int}/{handler?}", $"/import/{p.ImportPending}"),
        SharedEditors("import/{id:int}/{handler?}", $"/import/{p.ImportPending}/fil"),

        // Projects (indsatser) and health agreements: the portfolio, the project pages and the agreements are public, as the
        // economy overview is (a closed deciding item's title only for insiders, see ProjectScenarios); projects, their goals
        // and forecasts are the editors' to change, the health agreements the administrator's.
        Public("udvalg/{id:int}/indsatser", $"/udvalg/{p.Syd}/indsatser"),
        Public("indsatser/{id:int}", $"/indsatser/{p.Project}"),
        Editors("udvalg/{bodyId:int}/indsatser/ny", $"/udvalg/{p.Syd}/indsatser/ny"),
        Editors("indsatser/{id:int}/rediger", $"/indsatser/{p.Project}/rediger"),
        Editors("indsatser/{id:int}/maal", $"/indsatser/{p.Project}/maal"),
        Editors("indsatser/{id:int}/forbrug", $"/indsatser/{p.Project}/forbrug"),
        Public("sundhedsaftaler", "/sundhedsaftaler"),
        Public("sundhedsaftaler/{id:int}", $"/sundhedsaftaler/{p.HealthAgreement}"),
        Administrators("sundhedsaftaler/ny", "/sundhedsaftaler/ny"),
        Administrators("sundhedsaftaler/{id:int}/rediger", $"/sundhedsaftaler/{p.HealthAgreement}/rediger"),
        // Reporting and succession (issue 6, points 7 and 8): the plan and the drafts are the secretariat's, the
        // handover the administrator's; the body page's note on a handover is public.
        Editors("udvalg/{id:int}/afrapportering", $"/udvalg/{p.Syd}/afrapportering"),
        Editors("udvalg/{id:int}/anbefalinger", $"/udvalg/{p.Syd}/anbefalinger"),
        Administrators("udvalg/{id:int}/overdragelse", $"/udvalg/{p.Syd}/overdragelse"),
        // Accounts (issue 14): the administrator's; inviting a body's members is its secretariat's.
        Administrators("brugere", "/brugere"),
        Administrators("brugere/{id}", $"/brugere/{p.AccountId}"),
        Editors("udvalg/{id:int}/invitationer", $"/udvalg/{p.Syd}/invitationer"),
        // The audit log (issue 14, point 6): administrators only; it holds the values of closed items.
        Administrators("revision", "/revision"),
        // The member's workspace (issue 15): everyone's own start page data, notes, devices and settings.
        Own("api/me", "/api/me"),
        Own("api/me/notes", $"/api/me/notes?meetingId={p.Draft}"),
        Own("api/me/meetings/{id:int}/notes.pdf", $"/api/me/meetings/{p.PublishedDemo}/notes.pdf"),
        // A note is written on an item one may see whole: the draft's item exists only for Syd's insiders.
        Own("api/me/notes/{key:guid}", $"/api/me/notes/{MatrixNote}", HttpMethod.Put,
            new { itemId = p.DraftItem, text = "En note", changedAt = "2026-01-01T12:00:00+01:00", baseRevision = 0 }) with { Outsider = Answer.NotFound },
        Own("api/me/offline", "/api/me/offline", HttpMethod.Post, new { device = MatrixNote, meetings = new[] { p.Draft } }),
        SignedIn("konto/indstillinger", "/konto/indstillinger"),
    ];

    /// <summary>The key of the note (and of the device) the matrix's visitors send.</summary>
    private static readonly Guid MatrixNote = new("6d1f1c52-8a3e-4a57-9b0e-1f3c2a7e5d40");

    /// <summary>The forms of <see cref="Changes"/> on records no one body owns, which any secretariat may send.</summary>
    private static readonly string[] SharedForms = ["/udvalg/nyt", "/personer/", "/sager/ny", "/import"];

    /// <summary>Forms that change something, as filled in by someone who may not: refused before anything is done.</summary>
    private static List<(string Url, Dictionary<string, string> Fields)> Changes(Places p) =>
    [
        ("/udvalg/nyt", new() { ["Input.Name"] = "Uvedkommendes udvalg", ["Input.Level"] = "Political", ["Input.ValidFrom"] = "2026-01-01" }),
        ($"/udvalg/{p.Syd}/rediger", new() { ["Input.Name"] = "Omdøbt af en uvedkommende", ["Input.ValidFrom"] = "2022-09-28" }),
        ($"/udvalg/{p.Syd}/medlemskaber/nyt", new()
        {
            ["Input.NewPersonName"] = "Uvedkommende Person", ["Input.Role"] = "Member", ["Input.Group"] = "Regional", ["Input.From"] = "2025-01-01",
        }),
        ($"/medlemskaber/{p.Membership}/rediger", new() { ["Input.PersonId"] = $"{p.Person}", ["Input.Role"] = "Member", ["Input.Note"] = "Ændret af en uvedkommende", ["Input.From"] = "2022-09-28" }),
        ($"/medlemskaber/{p.Membership}/afslut", new() { ["LastDay"] = "2025-01-01", ["Version"] = "0" }),
        ($"/personer/{p.Person}/rediger", new() { ["Name"] = "Omdøbt af en uvedkommende", ["Version"] = "0" }),
        ($"/udvalg/{p.Syd}/moeder/nyt", new()
        {
            ["Input.Date"] = "2025-12-22", ["Input.Start"] = "14:00", ["Input.End"] = "16:00", ["Input.Kind"] = "Ordinary", ["Input.Location"] = "Et sted",
        }),
        ($"/moeder/{p.Draft}/rediger", new()
        {
            ["Input.Date"] = "2025-12-23", ["Input.Start"] = "14:00", ["Input.End"] = "16:00", ["Input.Kind"] = "Ordinary", ["Input.Location"] = "Et sted",
        }),
        // The meeting page is public; only its handler that changes the status edits.
        ($"/moeder/{p.Draft}?handler=Status", new() { ["target"] = "Cancelled", ["version"] = "0", ["reason"] = "Aflyst af en uvedkommende" }),
        ($"/moeder/{p.Published}?handler=Status", new() { ["target"] = "AgendaDraft", ["version"] = "0" }),
        ($"/moeder/{p.Draft}/dagsorden/rediger?handler=Add", new() { ["NewItem.Title"] = "Punkt fra en uvedkommende", ["NewItem.DurationMinutes"] = "15" }),
        ($"/moeder/{p.Draft}/dagsorden/rediger?handler=Move", new() { ["itemId"] = $"{p.DraftItem}", ["direction"] = "-1" }),
        ($"/punkter/{p.DraftItem}/rediger", new() { ["Input.Title"] = "Omdøbt af en uvedkommende", ["Input.DurationMinutes"] = "15" }),
        ($"/punkter/{p.DraftItem}/rediger?handler=Upload", new() { ["AttachmentTitle"] = "Bilag fra en uvedkommende" }),
        ($"/punkter/{p.DraftItem}/rediger?handler=RemoveAttachment", new() { ["attachmentId"] = $"{p.DraftAttachment}" }),
        ($"/punkter/{p.DraftItem}/fjern", []),
        ($"/moeder/{p.HeldDemo}/fremmoede", new() { ["version"] = "0" }),
        ($"/moeder/{p.HeldDemo}/fremmoede?handler=AllPresent", new() { ["version"] = "0" }),
        ($"/moeder/{p.HeldDemo}/referat/rediger", new() { ["itemId"] = $"{p.DraftItem}", ["version"] = "0", ["quick"] = "Godkendt" }),
        ("/sager/ny", new() { ["Input.Title"] = "Sag fra en uvedkommende" }),
        ($"/moeder/{p.Circulated}/referat/godkendelse?handler=Revise", new() { ["version"] = "0" }),
        ($"/moeder/{p.Circulated}/referat/godkendelse?handler=Circulate", new() { ["version"] = "0", ["ChangeNote"] = "Uvedkommende" }),
        ($"/moeder/{p.Circulated}/referat/godkendelse?handler=Approve", new() { ["version"] = "0" }),
        ($"/moeder/{p.ApprovedDemo}/referat/godkendelse?handler=Correct", new() { ["Text"] = "Rettelse fra en uvedkommende" }),
        ($"/sager/{p.Case}/skriftlig-proces/ny", new() { ["Input.Recommendation"] = "Uvedkommendes indstilling", ["Input.Deadline"] = "2030-01-01" }),
        ($"/skriftlig-proces/{p.WrittenProcedure}?handler=Place", []),
        ("/import", new() { ["Body"] = "Uvedkommendes udvalg" }),
        ($"/import/{p.ImportPending}?handler=Importer", new() { ["Input.Version"] = "0" }),
        ($"/import/{p.ImportPending}?handler=Kasser", []),
        ($"/udvalg/{p.Syd}/puljer/Pool", new() { ["Pool.Name"] = "Uvedkommendes pulje", ["Pool.Year"] = "2025" }),
        ($"/udvalg/{p.Syd}/puljer/Contribution", new() { ["Contribution.PoolId"] = "1", ["Contribution.Source"] = "Uvedkommende", ["Contribution.Amount"] = "1.000" }),
        ($"/udvalg/{p.Syd}/bevillinger/ny", new() { ["Input.Amount"] = "1.000" }),

        // Projects and health agreements.
        ($"/udvalg/{p.Syd}/indsatser/ny", new() { ["Input.Title"] = "Indsats fra en uvedkommende", ["Input.Status"] = "Planned" }),
        ($"/indsatser/{p.Project}/rediger", new() { ["Input.Title"] = "Omdøbt af en uvedkommende", ["Input.Status"] = "Planned", ["Input.Version"] = "0" }),
        ($"/indsatser/{p.Project}/maal?handler=Goal", new() { ["NewGoal.Text"] = "Mål fra en uvedkommende" }),
        ($"/indsatser/{p.Project}/forbrug", new() { ["Input.AsOf"] = "2025-01-01", ["Input.ExpectedToCompletion"] = "1 mio." }),
        ("/sundhedsaftaler/ny", new() { ["Input.Name"] = "Uvedkommendes aftale", ["Input.ValidFrom"] = "2024-01-01", ["Input.ValidTo"] = "2027-12-31" }),
        ($"/sundhedsaftaler/{p.HealthAgreement}/rediger", new()
        {
            ["Input.Name"] = "Omdøbt af en uvedkommende", ["Input.ValidFrom"] = "2024-01-01", ["Input.ValidTo"] = "2027-12-31",
        }),
        // Reporting and succession.
        ($"/udvalg/{p.Syd}/afrapportering?handler=Add", new() { ["Input.AudienceId"] = $"{p.Syd}", ["Input.Month"] = "11", ["Input.Kind"] = "Status" }),
        ($"/udvalg/{p.Syd}/afrapportering?handler=Remove", new() { ["milestoneId"] = "1", ["version"] = "0" }),
        ($"/udvalg/{p.Syd}/afrapportering?handler=Draft", new() { ["meetingId"] = $"{p.Draft}" }),
        ($"/udvalg/{p.Syd}/anbefalinger", new() { ["Input.Text"] = "Anbefaling fra en uvedkommende", ["Input.Date"] = "2025-01-01" }),
        ($"/udvalg/{p.Syd}/anbefalinger?handler=Remove", new() { ["recommendationId"] = "1" }),
        ($"/udvalg/{p.Syd}/overdragelse", new() { ["Input.Date"] = "2026-01-01" }),

        // The secretariat's answers to item requests, its record of disqualifications, votes and dissents, the import
        // preview's save, a project's reading and the rules of procedure.
        ($"/moeder/{p.Draft}?handler=AcceptRequest", new() { ["requestId"] = $"{p.ItemRequest}", ["version"] = "0" }),
        ($"/moeder/{p.Draft}?handler=DeclineRequest", new() { ["requestId"] = $"{p.ItemRequest}", ["version"] = "0", ["reason"] = "Afvist af en uvedkommende" }),
        ($"/moeder/{p.HeldDemo}/referat/rediger?handler=Disqualify", new() { ["itemId"] = $"{p.DraftItem}", ["membershipId"] = $"{p.Membership}", ["reason"] = "Uvedkommende" }),
        ($"/moeder/{p.HeldDemo}/referat/rediger?handler=Withdraw", new() { ["disqualificationId"] = "1" }),
        ($"/moeder/{p.Markers.Minutes}/referat/rediger?handler=Vote", new() { ["itemId"] = "1", ["partiesFor"] = "Uvedkommende" }),
        ($"/moeder/{p.Markers.Minutes}/referat/rediger?handler=Dissent", new() { ["itemId"] = "1", ["membershipId"] = $"{p.Membership}", ["text"] = "Uvedkommende" }),
        ($"/import/{p.ImportPending}?handler=Gem", new() { ["Input.Version"] = "0" }),
        ($"/indsatser/{p.Project}/maal?handler=Reading", new() { ["NewReading.Value"] = "1" }),
        ($"/forretningsordener/{p.SydRules}/rediger", new() { ["Input.Name"] = "Uvedkommendes forretningsorden" }),

        // Accounts and invitations.
        ("/brugere", new() { ["Input.Email"] = "uvedkommende@raad.local", ["Input.Name"] = "Uvedkommende", ["Input.Administrator"] = "true" }),
        ($"/brugere/{p.AccountId}?handler=Roles", new() { ["MakeAdministrator"] = "true" }),
        ($"/brugere/{p.AccountId}?handler=Deactivate", []),
        ($"/brugere/{p.AccountId}?handler=Reactivate", []),
        ($"/brugere/{p.AccountId}?handler=InviteAgain", []),
        ($"/brugere/{p.AccountId}?handler=ResetSecondFactor", []),
        ($"/udvalg/{p.Syd}/invitationer", []),
    ];

    /// <summary>
    /// Forms for anyone signed in, where the use case decides: a member declares their own disqualification, objects to
    /// minutes, answers a written procedure, asks for an item. Sent by outsiders (and pointing at a member's seat of Syd),
    /// each is refused with nothing changed.
    /// </summary>
    private static List<(string Url, Dictionary<string, string> Fields)> MemberForms(Places p) =>
    [
        ($"/moeder/{p.Draft}?handler=DisqualifyMe", new() { ["itemId"] = $"{p.DraftItem}", ["membershipId"] = $"{p.Membership}", ["reason"] = "Uvedkommende" }),
        ($"/moeder/{p.Circulated}/referat/godkendelse?handler=Object", new() { ["Text"] = "Indsigelse fra en uvedkommende" }),
        ($"/skriftlig-proces/{p.WrittenProcedure}?handler=Answer", new() { ["Kind"] = "Object", ["Comment"] = "Svar fra en uvedkommende" }),
        ($"/moeder/{p.Draft}/punktoensker/nyt", new() { ["Title"] = "Ønske fra en uvedkommende", ["Wanted"] = "Noget." }),
        ($"/moeder/{p.Draft}?handler=Remark", new() { ["itemId"] = $"{p.DraftItem}", ["text"] = "Bemærkning fra en uvedkommende" }),
    ];

    [Fact]
    public async Task Every_visitor_opens_each_page_and_endpoint_as_the_matrix_says()
    {
        var places = await PlacesAsync();
        var wrong = new List<string>();
        foreach (var row in Pages(places))
        {
            foreach (var kind in Enum.GetValues<Kind>())
            {
                var expected = row.For(kind);
                HttpStatusCode status;
                Uri? redirectTo = null;
                if (row.Method is { } method)
                {
                    status = (await (await AllVisitorsAsync())[kind].SendJson(method, row.Url, row.Body!)).Status;
                }
                else
                {
                    var response = await FetchAsync(kind, row.Url);
                    (status, redirectTo) = (response.Status, response.RedirectTo);
                }
                if (Outcome(status, redirectTo) != expected)
                {
                    wrong.Add($"{row.Method?.Method ?? "GET"} {row.Url} som {kind}: ventede {expected}, fik {(int)status} {redirectTo?.PathAndQuery}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task Visitors_who_may_not_send_a_form_are_refused_even_with_a_valid_token_and_nothing_changes()
    {
        var places = await PlacesAsync();
        var visitors = await AllVisitorsAsync();
        var wrong = new List<string>();
        var editor = visitors[Kind.Secretariat];
        var before = await SnapshotAsync(editor, places);
        foreach (var kind in new[] { Kind.Anonymous, Kind.OtherBody, Kind.NoPerson, Kind.Member, Kind.Disqualified, Kind.Advisor, Kind.OtherSecretariat })
        {
            var visitor = visitors[kind];
            // A page the visitor may see carries a valid antiforgery token; with it, only the permission can refuse.
            var seen = await visitor.Open($"/moeder/{places.PublishedDemo}");
            var login = await visitor.Post("/konto/log-ind", seen, [new("Email", "ukendt@raad.local"), new("Password", "forkert-adgangskode")]);
            Assert.True(login.Status == HttpStatusCode.OK, $"Tokenet fra mødesiden blev ikke godtaget ({(int)login.Status}) for {kind}.");
            var expected = kind == Kind.Anonymous ? Answer.ToLogin : Answer.Denied;
            // Another body's secretariat may change the records the bodies share; every form on Syd's own is refused.
            foreach (var (url, fields) in Changes(places).Where(c => kind != Kind.OtherSecretariat || !SharedForms.Any(c.Url.StartsWith)))
            {
                var result = await visitor.Post(url, seen, fields);
                if (Outcome(result.Status, result.RedirectTo) != expected)
                {
                    wrong.Add($"POST {url} som {kind}: ventede {expected}, fik {(int)result.Status} {result.RedirectTo?.PathAndQuery}");
                }
            }
            if (kind == Kind.Anonymous)
            {
                foreach (var url in OwnAccountForms)
                {
                    var result = await visitor.Post(url, seen, []);
                    if (Outcome(result.Status, result.RedirectTo) != Answer.ToLogin)
                    {
                        wrong.Add($"POST {url} som {kind}: ventede {Answer.ToLogin}, fik {(int)result.Status} {result.RedirectTo?.PathAndQuery}");
                    }
                }
            }
            if (kind is Kind.Member or Kind.Disqualified)
            {
                continue;
            }
            foreach (var (url, fields) in MemberForms(places))
            {
                var result = await visitor.Post(url, seen, fields);
                var outcome = Outcome(result.Status, result.RedirectTo);
                // Anonymous: sign in first. Signed in: the use case refuses, with the form and its message (200) or a 403/404.
                var refused = kind == Kind.Anonymous
                    ? outcome == Answer.ToLogin
                    : result.Status is HttpStatusCode.OK or HttpStatusCode.Forbidden or HttpStatusCode.NotFound || outcome == Answer.Denied;
                if (!refused)
                {
                    wrong.Add($"POST {url} som {kind}: ventede afvisning, fik {(int)result.Status} {result.RedirectTo?.PathAndQuery}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Equal(before, await SnapshotAsync(editor, places));
    }

    [Fact]
    public async Task Every_page_and_endpoint_of_the_app_has_a_decision_in_the_matrix()
    {
        var places = await PlacesAsync();
        var inTable = Pages(places).Select(r => r.Route).ToHashSet(StringComparer.Ordinal);

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText?.Trim('/'))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var missing = routes.Where(r => !inTable.Contains(r)).Order(StringComparer.Ordinal).ToList();
        var stale = inTable.Where(r => !routes.Contains(r)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0,
            "Disse sider og endepunkter har ingen række i adgangsmatricen (tests/Raad.Web.Tests/Scenarios/PermissionMatrix.cs); "
            + "beslut, hvem der må åbne dem: " + string.Join(", ", missing.Select(r => $"/{r}")));
        Assert.True(stale.Count == 0, "Matricen nævner ruter, appen ikke har: " + string.Join(", ", stale.Select(r => $"/{r}")));
    }

    private static Answer? Outcome(HttpStatusCode status, Uri? redirectTo) => (status, redirectTo?.AbsolutePath) switch
    {
        (HttpStatusCode.OK or HttpStatusCode.Accepted, _) => Answer.Ok,
        (HttpStatusCode.NotFound, _) => Answer.NotFound,
        (HttpStatusCode.Unauthorized, _) => Answer.Unauthorized,
        (HttpStatusCode.Forbidden, _) => Answer.Forbidden,
        (HttpStatusCode.Redirect, "/konto/log-ind") => Answer.ToLogin,
        (HttpStatusCode.Redirect, "/konto/adgang-naegtet") => Answer.Denied,
        (HttpStatusCode.Redirect, { } path) when MeetingPage().IsMatch(path) => Answer.ToMeeting,
        _ => null,
    };

    [GeneratedRegex(@"^/moeder/\d+$")]
    private static partial Regex MeetingPage();

    /// <summary>What the refused forms would have changed, as the secretariat reads it.</summary>
    private static async Task<List<string>> SnapshotAsync(Visitor editor, Places p) =>
    [
        (await editor.GetJson("/api/bodies")).GetRawText(),
        (await editor.GetJson($"/api/bodies/{p.Syd}")).GetRawText(),
        (await editor.GetJson($"/api/bodies/{p.Syd}/meetings")).GetRawText(),
        (await editor.GetJson($"/api/bodies/{p.Syd}/economy")).GetRawText(),
        (await editor.Open($"/udvalg/{p.Syd}/puljer")).Text("main"),
        (await editor.GetJson($"/api/meetings/{p.Draft}")).GetRawText(),
        (await editor.GetJson($"/api/meetings/{p.Published}")).GetRawText(),
        (await editor.GetJson($"/api/meetings/{p.HeldDemo}")).GetRawText(),
        (await editor.GetJson($"/api/meetings/{p.Circulated}")).GetRawText(),
        (await editor.GetJson($"/api/meetings/{p.Markers.Published}")).GetRawText(),
        (await editor.GetJson($"/api/meetings/{p.Markers.Minutes}")).GetRawText(),
        (await editor.Open($"/moeder/{p.Draft}")).Text("main"),
        (await editor.Open($"/moeder/{p.Markers.Minutes}/referat/rediger")).Text("main"),
        (await editor.Open($"/skriftlig-proces/{p.WrittenProcedure}")).Text("main"),
        (await editor.Open($"/indsatser/{p.Project}/maal")).Text("main"),
        (await editor.Open($"/import/{p.ImportPending}")).Text("main"),
        (await editor.Open($"/forretningsordener/{p.SydRules}/rediger")).Value("Input.Name") ?? "",
        (await editor.Open("/sager")).Text("table a"),
        (await editor.Open($"/punkter/{p.DraftItem}/rediger")).Text("a[href^='/bilag/']"),
        (await editor.Open($"/personer/{p.Person}/rediger")).Value("Name") ?? "",
        (await editor.Open($"/moeder/{p.Circulated}/referat/godkendelse")).Text("main"),
        (await editor.Open($"/moeder/{p.ApprovedDemo}/referat")).Text("main"),
        (await editor.Open($"/sager/{p.Case}")).Text("main"),
        (await editor.Open("/import")).Text("main"),
        (await editor.Open($"/indsatser/{p.Project}")).Text("main"),
        (await editor.Open($"/sundhedsaftaler/{p.HealthAgreement}")).Text("main"),
    ];

    private Task<Places> PlacesAsync() => PlacesByApp.GetValue(app, SetUpAsync);

    /// <summary>
    /// Syd's demo meetings in the states the rows need (published 27 August 2025, held 26 April 2023, approved 18 January
    /// 2023) and two new meetings of Syd in December 2025: a draft with an item and a file, and a published agenda with an
    /// open and a closed item, each with a file.
    /// </summary>
    private static async Task<Places> SetUpAsync(RaadApp app)
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var syd = await secretariat.BodyId(Syd);
        var membership = await secretariat.MembershipId(syd, Member);
        var person = int.Parse((await secretariat.Open($"/medlemskaber/{membership}/rediger")).Value("Input.PersonId")!, CultureInfo.InvariantCulture);
        var caseHref = (await secretariat.Open("/sager")).Document.QuerySelector("table a[href^='/sager/']")!.GetAttribute("href")!;

        var draft = await Plan(secretariat, syd, "2025-12-03");
        await secretariat.AddItem(draft, "Matrix: punkt i kladde");
        var draftItem = await secretariat.ItemId(draft, "Matrix: punkt i kladde");
        var draftAttachment = await Attach(secretariat, draftItem);

        var published = await Plan(secretariat, syd, "2025-12-04");
        await secretariat.AddItem(published, "Matrix: åbent punkt");
        await secretariat.AddItem(published, "Matrix: lukket punkt", closed: true);
        var openAttachment = await Attach(secretariat, await secretariat.ItemId(published, "Matrix: åbent punkt"));
        var closedAttachment = await Attach(secretariat, await secretariat.ItemId(published, "Matrix: lukket punkt"));
        // Syd's rules want 10 days' notice; December 2025 is long past, so the late agenda needs its reason.
        var publishing = await secretariat.ChangeStatus(published, "AgendaPublished", "Matrixtestens møde oprettes efter mødedagen.");
        Assert.True(publishing.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)publishing.Status}): {publishing.Text("[role=alert]")}");

        // Minutes sent to the members: a held meeting of Syd in December 2025 with one decision.
        var circulated = await Plan(secretariat, syd, "2025-12-05");
        await secretariat.AddItem(circulated, "Matrix: beslutning");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(circulated, "AgendaPublished", "Matrixtestens møde.")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(circulated, "Held")).Status);
        var approval = await secretariat.Open($"/moeder/{circulated}/referat/godkendelse");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.SubmitForm(approval.Handler("Circulate"), [])).Status);

        // A written procedure needs rules in force today: a body of its own with the member in it.
        var writtenBody = await ProcedureTestBodies.BodyWithRulesAndMember(app, "Matrixudvalget (test)");
        var newCase = await secretariat.Submit(await secretariat.Open("/sager/ny"), new() { ["Input.Title"] = "Matrix: skriftlig sag", ["Input.BodyId"] = $"{writtenBody}" });
        var started = await secretariat.Submit(await secretariat.Open($"{newCase.RedirectTo!.AbsolutePath}/skriftlig-proces/ny"), new()
        {
            ["Input.Recommendation"] = "at udvalget godkender matrixen",
            ["Input.Deadline"] = ProcedureTestBodies.Iso(app.Clock.Today.AddDays(7)),
        });
        Assert.True(started.Status == HttpStatusCode.Redirect, $"Skriftlig proces ikke startet ({(int)started.Status}): {started.Text("[role=alert]")}");
        var writtenProcedure = int.Parse(started.RedirectTo!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);

        // The member asks for an item on the draft with a file.
        using var member = await app.SignInAs(Role.Member);
        var request = await member.SubmitFile(await member.Open($"/moeder/{draft}/punktoensker/nyt"),
            new() { ["Title"] = "Matrix: ønsket punkt", ["Wanted"] = "Noget at drøfte." }, "Files", "oenske.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray(), "application/pdf");
        Assert.True(request.Status == HttpStatusCode.Redirect, $"Ønsket ikke sendt ({(int)request.Status}): {request.Text("[role=alert]")}");
        var fileHref = (await member.Open("/punktoensker")).Document.QuerySelector("a[href^='/punktoensker/bilag/']")!.GetAttribute("href")!;

        int sydRules;
        int itemRequest;
        // A project of Syd and a health agreement of the matrix's own, so the rows do not depend on the demo's money.
        var agreement = new Raad.Domain.Money.HealthAgreement { Name = "Matrix: sundhedsaftale", ValidFrom = new(2024, 1, 1), ValidTo = new(2027, 12, 31) };
        var area = agreement.AddFocusArea("Matrix: fokusområde");
        var project = new Raad.Domain.Money.Project { BodyId = syd, Title = "Matrix: indsats", FocusArea = area };
        var pending = new Raad.Web.Features.Import.ImportedDocument
        {
            FileName = "matrix.txt",
            ContentType = "text/plain",
            Sha256 = new string('0', 64),
            Content = "Dagsorden"u8.ToArray(),
            UploadedBy = "matrix",
            Parsed = "{}",
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Raad.Web.Data.AppDbContext>();
            sydRules = db.RulesOfProcedure.Where(r => r.BodyId == syd).Select(r => r.Id).First();
            itemRequest = db.ItemRequests.Where(r => r.MeetingId == draft).Select(r => r.Id).First();
            db.ImportedDocuments.Add(pending);
            db.AddRange(agreement, project);
            await db.SaveChangesAsync();
        }

        // Outsiders and a disqualified member, and the meetings with the markers.
        var otherBody = (await secretariat.GetJson("/api/bodies")).EnumerateArray()
            .Select(b => (Id: b.GetProperty("id").GetInt32(), From: DateOnly.Parse(b.GetProperty("validFrom").GetString()!, CultureInfo.InvariantCulture)))
            .First(b => b.Id != syd && b.Id != writtenBody);
        var (accounts, otherMembership, disqualifiedMembership, accountId) = await AccountsAsync(app, syd, otherBody);
        var markers = await MarkersAsync(app, secretariat, syd, membership, disqualifiedMembership, project.Id);

        return new Places(
            Syd: syd,
            SydRules: sydRules,
            PublishedDemo: await secretariat.MeetingId(syd, "2025-08-27"),
            HeldDemo: await secretariat.MeetingId(syd, "2023-04-26"),
            ApprovedDemo: await secretariat.MeetingId(syd, "2023-01-18"),
            Case: int.Parse(caseHref["/sager/".Length..], CultureInfo.InvariantCulture),
            Membership: membership,
            Person: person,
            Draft: draft,
            DraftItem: draftItem,
            DraftAttachment: draftAttachment,
            Published: published,
            OpenAttachment: openAttachment,
            ClosedAttachment: closedAttachment,
            Circulated: circulated,
            WrittenProcedure: writtenProcedure,
            RequestFile: int.Parse(fileHref["/punktoensker/bilag/".Length..], CultureInfo.InvariantCulture),
            ImportPending: pending.Id,
            Project: project.Id,
            HealthAgreement: agreement.Id,
            ItemRequest: itemRequest,
            OtherMembership: otherMembership,
            DisqualifiedMembership: disqualifiedMembership,
            Accounts: accounts,
            AccountId: accountId,
            Markers: markers);
    }

    private static async Task<int> Plan(Visitor secretariat, int body, string date)
    {
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(date, "14:00", "16:00"));
        Assert.True(planned.Status == HttpStatusCode.Redirect, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        return await secretariat.MeetingId(body, date);
    }

    private static async Task<int> Attach(Visitor secretariat, int item)
    {
        var form = await secretariat.Open($"/punkter/{item}/rediger");
        var result = await secretariat.SubmitFile(form, new() { ["AttachmentTitle"] = "Matrixbilag" },
            "File", "matrix.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray(), "application/pdf");
        Assert.True(result.Status == HttpStatusCode.Redirect, $"Bilag ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
        var href = (await secretariat.Open($"/punkter/{item}/rediger")).Document.QuerySelector("a[href^='/bilag/']")!.GetAttribute("href")!;
        return int.Parse(href["/bilag/".Length..], CultureInfo.InvariantCulture);
    }
}

public sealed class PermissionMatrixOnSqlite(SqliteApp app) : PermissionMatrix(app), IClassFixture<SqliteApp>;

public sealed class PermissionMatrixOnPostgres(PostgresApp app) : PermissionMatrix(app), IClassFixture<PostgresApp>;
