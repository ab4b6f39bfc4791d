using System.IO.Compression;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Infrastructure;
using Raad.Web.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The matrix's second half: every handler declares what it needs, every form is tried without and with a stranger's
/// antiforgery token, and a meeting full of markers shows that what a visitor may not see never reaches them, in any format.
/// </summary>
public abstract partial class PermissionMatrix
{
    /// <summary>The kinds of visitor; <see cref="Kind.Disqualified"/> is a member of Syd disqualified from the closed marker item.</summary>
    private enum Kind
    {
        Anonymous,
        OtherBody,
        NoPerson,
        Member,
        Disqualified,

        /// <summary>An advisor (bisidder) of Syd, whose rules do not let advisors read closed items.</summary>
        Advisor,

        /// <summary>The secretariat of another body only.</summary>
        OtherSecretariat,
        Secretariat,
        Administrator,
    }

    /// <summary>May see Syd's drafts and unapproved minutes (closed items too, but see <see cref="ReadsClosedItems"/>).</summary>
    private static bool IsInsider(Kind kind) => kind is Kind.Member or Kind.Disqualified or Kind.Advisor or Kind.Secretariat or Kind.Administrator;

    /// <summary>The disqualified member reads the closed marker item as the public does, and Syd's advisors read no closed item.</summary>
    private static bool MaySee(Kind kind, string marker) => IsInsider(kind) && !(kind is Kind.Disqualified or Kind.Advisor && IsOfTheClosedItem(marker));

    private const string MatrixPassword = "matrix-adgangskode-2025";

    /// <summary>A string that appears nowhere else; delimited so that no marker is part of another.</summary>
    private static string Marker(string where) => $"Qzx{where}Qzx";

    /// <summary>
    /// The markers of the closed item, its attachment and its disqualification: a member disqualified from the item reads
    /// the rest of the meeting as a member, but the item as the public does (Visibility.Item).
    /// </summary>
    private static bool IsOfTheClosedItem(string marker) => marker.StartsWith(Marker("Lukket")[..^3], StringComparison.Ordinal);

    /// <summary>The meetings that carry the markers and the markers themselves, all secret from anyone outside Syd.</summary>
    private sealed record MarkerPlaces(
        int Published, int Draft, int Minutes, int ClosedAttachment, int DraftAttachment, int Case, string[] Markers, string[] NeverShown);

    /// <summary>One answer as the visitor received it, kept so that each document is fetched (and printed) once per visitor.</summary>
    private sealed record Response(HttpStatusCode Status, string? ContentType, byte[] Content, Uri? RedirectTo, string? FileName);

    private static readonly ConditionalWeakTable<RaadApp, Task<Dictionary<Kind, Visitor>>> VisitorsByApp = new();
    private static readonly ConditionalWeakTable<RaadApp, Dictionary<(Kind, string), Response>> ResponsesByApp = new();

    [Fact]
    public void Every_page_handler_and_endpoint_declares_what_it_needs()
    {
        var undeclared = PageHandlers()
            .Where(h => h.Method.GetCustomAttribute<NeedsAttribute>() is null)
            .Select(h => $"{h.Model.FullName}.{h.Method.Name}")
            .ToList();
        undeclared.AddRange(app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null && e.Metadata.GetMetadata<NeedsAttribute>() is null)
            .Select(e => e.DisplayName ?? "?"));
        Assert.True(PageHandlers().Count > 50, "Refleksionen fandt ingen sidehandlere.");
        Assert.True(undeclared.Count == 0,
            "Disse handlere og endepunkter siger ikke, hvad de kræver ([Needs(Permission.…)] / .Needs(…)): " + string.Join(", ", undeclared));
    }

    [Fact]
    public async Task Every_form_handler_of_the_app_is_tried_by_the_matrix()
    {
        var places = await PlacesAsync();
        var tried = Changes(places).Concat(MemberForms(places)).Select(c => c.Url).Concat(PublicForms).Concat(OwnAccountForms).Select(HandlerOf).ToHashSet();
        var all = PageHandlers()
            .Where(h => h.Method.Name.StartsWith("OnPost", StringComparison.Ordinal))
            .Select(h => (h.Page, HandlerName(h.Method.Name)))
            .ToHashSet();
        var missing = all.Where(h => !tried.Contains(h)).Select(h => $"{h.Page}?handler={h.Item2}").Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0,
            "Matricen sender aldrig disse formularer (tilføj dem til Changes i PermissionMatrix.cs): " + string.Join(", ", missing));
    }

    [Fact]
    public async Task A_form_sent_without_a_token_or_with_another_visitors_token_is_refused_and_changes_nothing()
    {
        var places = await PlacesAsync();
        var visitors = await AllVisitorsAsync();
        var editor = visitors[Kind.Secretariat];
        var stranger = app.Anonymous();
        var strangersToken = (await stranger.Open("/konto/log-ind")).PageAntiforgeryToken();
        var before = await SnapshotAsync(editor, places);
        var wrong = new List<string>();
        // Sent by someone the permission and the use case would let through, so only the token can refuse it.
        var forms = Changes(places).Select(c => (Sender: Kind.Administrator, c.Url, c.Fields))
            .Concat(MemberForms(places).Select(c => (Sender: Kind.Member, c.Url, c.Fields)))
            .Concat(OwnAccountForms.Select(url => (Sender: Kind.NoPerson, Url: url, Fields: new Dictionary<string, string>())));
        foreach (var (sender, url, fields) in forms)
        {
            foreach (var (token, what) in new[] { ((string?)null, "uden token"), (strangersToken, "med en fremmeds token") })
            {
                var result = await visitors[sender].PostWithToken(url, token, fields);
                if (result.Status != HttpStatusCode.BadRequest)
                {
                    wrong.Add($"POST {url} som {sender} {what}: ventede 400, fik {(int)result.Status} {result.RedirectTo?.PathAndQuery}");
                }
            }
        }
        stranger.Dispose();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Equal(before, await SnapshotAsync(editor, places));
    }

    [Fact]
    public async Task No_visitor_receives_a_marker_they_may_not_see_in_any_format()
    {
        var places = await PlacesAsync();
        var markers = places.Markers.Markers;
        var leaks = new List<string>();
        var seenByInsiders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in ContentUrls(places))
        {
            foreach (var kind in Enum.GetValues<Kind>())
            {
                // Documents are printed once per kind of visitor that may see them (the disqualified member's edition leaves
                // the closed item out); the public's editions by every outsider.
                if (IsDocument(url) && kind is Kind.Member or Kind.Administrator)
                {
                    continue;
                }
                var response = await FetchAsync(kind, url, waitForPackage: true);
                var text = Normalise(response.FileName + " " + TextOf(response));
                foreach (var marker in markers.Where(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)))
                {
                    if (MaySee(kind, marker))
                    {
                        seenByInsiders.Add(marker);
                    }
                    else
                    {
                        leaks.Add($"GET {url} som {kind} ({(int)response.Status} {response.ContentType}): {marker}");
                    }
                }
            }
        }
        // The markers must be where an insider finds them, or the search above could find nothing and prove nothing.
        // And the reading of each format works: the members' editions show the secretariat what the public's leave out.
        var m = places.Markers;
        foreach (var (url, marker) in new[]
        {
            ($"/api/meetings/{m.Published}/agenda.pdf?version=members", Marker("LukketTitel")),
            ($"/api/meetings/{m.Published}/agenda.docx?version=members", Marker("LukketSagsfremstilling")),
            ($"/api/meetings/{m.Published}/package.pdf?version=members", Marker("LukketBilagIndhold")),
            ($"/api/meetings/{m.Minutes}/minutes.pdf?version=members", Marker("ReferatBeslutning")),
            ($"/api/meetings/{m.Minutes}/minutes.docx?version=members", Marker("ReferatProtokoltilfoersel")),
        })
        {
            var response = await FetchAsync(Kind.Secretariat, url, waitForPackage: true);
            Assert.True(Normalise(TextOf(response)).Contains(marker, StringComparison.OrdinalIgnoreCase),
                $"GET {url} som sekretariatet ({(int)response.Status} {response.ContentType}) viser ikke {marker}.");
        }
        var unseen = markers.Where(m => !seenByInsiders.Contains(m) && !places.Markers.NeverShown.Contains(m)).ToList();
        Assert.True(leaks.Count == 0 && unseen.Count == 0,
            "Lukket, kladde eller ikke-godkendt indhold nåede en, der ikke må se det:\n" + string.Join('\n', leaks.Distinct())
            + "\nDisse markører så heller ikke sekretariatet nogen steder: " + string.Join(", ", unseen));
    }

    /// <summary>Every GET of the status table, and each page, document, export and file of the marker meetings.</summary>
    private static List<string> ContentUrls(Places p)
    {
        var m = p.Markers;
        var urls = Pages(p).Where(r => r.Method is null).Select(r => r.Url).ToList();
        foreach (var meeting in new[] { m.Published, m.Draft, m.Minutes })
        {
            urls.AddRange([
                $"/moeder/{meeting}", $"/moeder/{meeting}/dagsorden", $"/moeder/{meeting}/referat", $"/api/meetings/{meeting}",
                $"/api/meetings/{meeting}/compliance", $"/moeder/{meeting}/referat/godkendelse", $"/moeder/{meeting}/referat/udgaver/1",
            ]);
            foreach (var version in new[] { "", "?version=members" })
            {
                urls.AddRange([
                    $"/api/meetings/{meeting}/agenda.pdf{version}", $"/api/meetings/{meeting}/agenda.docx{version}",
                    $"/api/meetings/{meeting}/minutes.pdf{version}", $"/api/meetings/{meeting}/minutes.docx{version}",
                    $"/api/meetings/{meeting}/package.pdf{version}", $"/moeder/{meeting}/samlet-dagsorden{version}",
                ]);
            }
        }
        urls.AddRange([
            $"/bilag/{m.ClosedAttachment}", $"/bilag/{m.DraftAttachment}", $"/sager/{m.Case}", "/sager", "/",
            $"/udvalg/{p.Syd}", $"/udvalg/{p.Syd}/moedeplan", $"/api/bodies/{p.Syd}/meetings",
        ]);
        // The search, asked for each marker: its JSON never echoes the query, so a marker in it is a result's.
        urls.AddRange(m.Markers.Select(marker => $"/api/search?q={Uri.EscapeDataString(marker)}"));
        return [.. urls.Distinct(StringComparer.Ordinal)];
    }

    private static bool IsDocument(string url) => url.Contains(".pdf", StringComparison.Ordinal) || url.Contains(".docx", StringComparison.Ordinal)
        || url.Contains("samlet-dagsorden", StringComparison.Ordinal);

    /// <summary>The visitor's answer to a GET, fetched once per app; a package being built is waited for when the content matters.</summary>
    private async Task<Response> FetchAsync(Kind kind, string url, bool waitForPackage = false)
    {
        var responses = ResponsesByApp.GetOrCreateValue(app);
        if (responses.TryGetValue((kind, url), out var cached) && !(waitForPackage && cached.Status == HttpStatusCode.Accepted))
        {
            return cached;
        }
        var visitor = (await AllVisitorsAsync())[kind];
        var waited = System.Diagnostics.Stopwatch.StartNew();
        Response response;
        while (true)
        {
            using var answer = await visitor.Get(url);
            response = new(answer.StatusCode, answer.Content.Headers.ContentType?.MediaType, await answer.Content.ReadAsByteArrayAsync(),
                answer.Headers.Location is { } location ? new Uri(new Uri("http://localhost"), location) : null,
                answer.Content.Headers.ContentDisposition?.ToString());
            if (!waitForPackage || response.Status != HttpStatusCode.Accepted)
            {
                break;
            }
            // A package still being built after two minutes would leave its content unread: fail rather than pass unseen.
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(120), $"GET {url} som {kind}: pakken blev ikke færdig.");
            await Task.Delay(500);
        }
        responses[(kind, url)] = response;
        return response;
    }

    /// <summary>What a person reads in the answer: the text of a PDF, of every part of a Word or Excel file, or the text itself.</summary>
    private static string TextOf(Response response)
    {
        var bytes = response.Content;
        if (bytes.AsSpan().StartsWith("%PDF"u8))
        {
            try
            {
                using var pdf = PdfDocument.Open(bytes);
                return string.Join(' ', pdf.GetPages().Select(page => page.Text)) + Encoding.Latin1.GetString(bytes);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A file PdfPig cannot read (the fixtures' one-line PDFs): its bytes are all there is to read.
                return Encoding.Latin1.GetString(bytes);
            }
        }
        if (bytes.AsSpan().StartsWith("PK"u8))
        {
            // DOCX and XLSX: every part of the Open XML package, markup removed so that text split over runs joins up.
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(entry.FullName).Append(' ').Append(Tags().Replace(reader.ReadToEnd(), "")).Append(' ');
            }
            return text.ToString();
        }
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Without white space and soft hyphens, so that a marker broken over two lines of a PDF is still found.</summary>
    private static string Normalise(string text) => Space().Replace(text, "").Replace("\u00AD", "", StringComparison.Ordinal);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>Every public handler method of every page model, with the page (its .cshtml) it belongs to.</summary>
    private static List<(string Page, Type Model, MethodInfo Method)> PageHandlers() =>
    [
        .. typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(item => item.Kind == "mvc.1.0.razor-page")
            .Select(item => (item.Identifier, Model: item.Type.GetProperty("Model")?.PropertyType))
            .Where(page => page.Model is not null && typeof(PageModel).IsAssignableFrom(page.Model))
            .SelectMany(page => page.Model!.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => HandlerMethod().IsMatch(m.Name))
                .Select(m => (page.Identifier, page.Model!, m))),
    ];

    [GeneratedRegex(@"^On(Get|Post|Put|Delete|Patch)\w*$")]
    private static partial Regex HandlerMethod();

    /// <summary>"OnPostVoteAsync" is the handler "Vote"; "OnPostAsync" the page's own.</summary>
    private static string HandlerName(string method) => Regex.Replace(method, @"^On(Get|Post)|Async$", "");

    /// <summary>The page (its .cshtml) and the handler a POST to this URL reaches, found by the app's own routes.</summary>
    private (string Page, string Handler) HandlerOf(string url)
    {
        var uri = new Uri(new Uri("http://localhost"), url);
        var handler = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue("handler", out var h) ? h.ToString() : null;
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }
            var pattern = endpoint.RoutePattern;
            var values = new RouteValueDictionary();
            var matcher = new TemplateMatcher(TemplateParser.Parse(pattern.RawText ?? ""), new RouteValueDictionary(pattern.Defaults));
            // The matcher does not check constraints; ours are {x:int}, so a literal such as "nyt" must not pass for one.
            if (matcher.TryMatch(uri.AbsolutePath, values)
                && pattern.Parameters.All(p => p.ParameterPolicies.All(c => c.Content != "int")
                    || values[p.Name] is null || int.TryParse(values[p.Name]?.ToString(), out _)))
            {
                return (page.RelativePath, handler ?? values["handler"]?.ToString() ?? "");
            }
        }
        throw new InvalidOperationException($"Ingen side svarer på {url}.");
    }

    /// <summary>Forms everyone may send (signing in and out, also through a provider; the error page's re-run of a failed POST).</summary>
    private static readonly string[] PublicForms =
    [
        "/konto/log-ind", "/konto/log-ud", "/konto/ekstern", "/konto/invitation", "/post/valg", "/fejl/500",
        "/udvalg/1/abonnement", "/abonnement/bekraeft", "/abonnement/afmeld",
        "/konto/totrin", "/konto/totrin?handler=Recovery", "/konto/glemt-adgangskode", "/konto/ny-adgangskode",
    ];

    /// <summary>
    /// Forms about the signed-in visitor's own account (the second factor, "Log ud alle steder"): anyone signed in, on
    /// themselves only, so nobody is refused them but the public, who is asked to sign in.
    /// </summary>
    private static readonly string[] OwnAccountForms =
    [
        "/konto/sikkerhed?handler=Begin", "/konto/sikkerhed?handler=Enable", "/konto/sikkerhed?handler=Codes",
        "/konto/sikkerhed?handler=Disable", "/konto/sikkerhed?handler=SignOutEverywhere",
        "/konto/indstillinger?handler=Mail", "/konto/indstillinger?handler=ForgetDevice",
        "/konto/indstillinger?handler=RenewCalendar",
    ];

    /// <summary>One visitor of each kind, signed in once per app.</summary>
    private Task<Dictionary<Kind, Visitor>> AllVisitorsAsync() => VisitorsByApp.GetValue(app, async app =>
    {
        var places = await PlacesAsync();
        var visitors = new Dictionary<Kind, Visitor>
        {
            [Kind.Anonymous] = app.Anonymous(),
            [Kind.Member] = await app.SignInAs(Role.Member),
            [Kind.Secretariat] = await app.SignInAs(Role.Secretariat),
            [Kind.Administrator] = await app.SignInAs(Role.Administrator),
        };
        foreach (var (kind, email) in places.Accounts)
        {
            var visitor = app.Anonymous();
            await visitor.SignIn(email, MatrixPassword);
            visitors[kind] = visitor;
        }
        return visitors;
    });

    /// <summary>
    /// The accounts the demo lacks: a member of another body, an account with no person, and a member of Syd who is
    /// disqualified from the closed marker item.
    /// </summary>
    private static async Task<(Dictionary<Kind, string> Accounts, int OtherMembership, int DisqualifiedMembership, string AccountId)> AccountsAsync(
        RaadApp app, int syd, (int Id, DateOnly From) otherBody)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Raad.Web.Data.AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var otherPerson = new Raad.Domain.People.Person { Name = "Matrix Andetudvalg" };
        var disqualifiedPerson = new Raad.Domain.People.Person { Name = "Matrix Inhabil" };
        var other = new Raad.Domain.People.Membership
        {
            BodyId = otherBody.Id,
            Person = otherPerson,
            Role = Raad.Domain.People.MembershipRole.Member,
            Group = Raad.Domain.People.MemberGroup.Regional,
            From = otherBody.From,
        };
        var advisorPerson = new Raad.Domain.People.Person { Name = "Matrix Bisidder" };
        var advisor = new Raad.Domain.People.Membership
        {
            BodyId = syd,
            Person = advisorPerson,
            Role = Raad.Domain.People.MembershipRole.Advisor,
            From = new(2022, 10, 1),
        };
        var disqualified = new Raad.Domain.People.Membership
        {
            BodyId = syd,
            Person = disqualifiedPerson,
            Role = Raad.Domain.People.MembershipRole.Member,
            Group = Raad.Domain.People.MemberGroup.Municipal,
            From = new(2022, 10, 1),
        };
        db.AddRange(other, disqualified, advisor);
        await db.SaveChangesAsync();
        var accounts = new Dictionary<Kind, string>
        {
            [Kind.OtherBody] = "matrix-andet@raad.local",
            [Kind.NoPerson] = "matrix-ingen-person@raad.local",
            [Kind.Disqualified] = "matrix-inhabil@raad.local",
            [Kind.Advisor] = "matrix-bisidder@raad.local",
            [Kind.OtherSecretariat] = "matrix-andet-sekretariat@raad.local",
        };
        foreach (var (kind, email) in accounts)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = kind.ToString(),
                PersonId = kind switch
                {
                    Kind.OtherBody => otherPerson.Id,
                    Kind.Disqualified => disqualifiedPerson.Id,
                    Kind.Advisor => advisorPerson.Id,
                    _ => null,
                },
            };
            Assert.True((await users.CreateAsync(user, MatrixPassword)).Succeeded);
            if (kind == Kind.OtherSecretariat)
            {
                db.SecretariatGrants.Add(new SecretariatGrant { UserId = user.Id, BodyId = otherBody.Id });
                await db.SaveChangesAsync();
            }
            else
            {
                Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
            }
        }
        return (accounts, other.Id, disqualified.Id, (await users.FindByEmailAsync(accounts[Kind.NoPerson]))!.Id);
    }

    /// <summary>
    /// Three meetings of Syd in November 2025: a published agenda with a closed item and a closed attachment (and a case
    /// linked to nothing else), a draft agenda, and minutes sent to the members but not approved. Every field of theirs that only
    /// insiders may read carries a marker.
    /// </summary>
    private static async Task<MarkerPlaces> MarkersAsync(RaadApp app, Visitor secretariat, int syd, int memberSeat, int disqualifiedSeat, int project)
    {
        var markers = new List<string>();
        var neverShown = new List<string>();
        string M(string where)
        {
            markers.Add(Marker(where));
            return Marker(where);
        }

        // Fields that Raad keeps but shows no one (topics feed the rules, a disqualification prints without its reason):
        // searched for like the rest, but not expected on any page.
        string Kept(string where)
        {
            neverShown.Add(Marker(where));
            return M(where);
        }

        // Within Syd's period (28 September 2022 to 31 December 2025), long past.
        var published = await PlanAt(secretariat, syd, new(2025, 11, 10));
        await secretariat.AddItem(published, "Matrix: åbent markørpunkt");
        var closedTitle = M("LukketTitel");
        await secretariat.AddItem(published, closedTitle, closed: true);
        var closedItem = await secretariat.ItemId(published, closedTitle);
        var closedAttachment = await AttachMarked(secretariat, closedItem, M("LukketBilagTitel"), M("LukketBilagFil"), M("LukketBilagIndhold"));

        var draft = await PlanAt(secretariat, syd, new(2025, 11, 11));
        var draftTitle = M("KladdeTitel");
        await secretariat.AddItem(draft, draftTitle);
        var draftItem = await secretariat.ItemId(draft, draftTitle);
        var draftAttachment = await AttachMarked(secretariat, draftItem, M("KladdeBilagTitel"), M("KladdeBilagFil"), M("KladdeBilagIndhold"));

        var caseTitle = M("SagKunLukket");
        var newCase = await secretariat.Submit(await secretariat.Open("/sager/ny"), new() { ["Input.Title"] = caseTitle, ["Input.BodyId"] = $"{syd}" });
        Assert.True(newCase.RedirectTo is not null, $"Sagen ikke oprettet ({(int)newCase.Status}): {newCase.Text("[role=alert]")}");
        var caseId = int.Parse(newCase.RedirectTo!.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var minutes = await PlanAt(secretariat, syd, new(2025, 11, 12));
        await secretariat.AddItem(minutes, "Matrix: referatpunkt", kind: "Decision");
        var minutesItem = await secretariat.ItemId(minutes, "Matrix: referatpunkt");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Raad.Web.Data.AppDbContext>();
            foreach (var (id, name) in new[] { (closedItem, "Lukket"), (draftItem, "Kladde") })
            {
                var item = await db.AgendaItems.FindAsync(id) ?? throw new InvalidOperationException($"Punkt {id} findes ikke.");
                item.Background = M($"{name}Baggrund");
                item.Summary = M($"{name}Resume");
                item.Presentation = M($"{name}Sagsfremstilling");
                item.Economy = M($"{name}Oekonomi");
                item.FurtherProcess = M($"{name}VidereProces");
                item.Recommendation = [$"at {M($"{name}Indstilling")}"];
                item.Presenters = M($"{name}Fremlaeggere");
                item.Topics = [Kept($"{name}Emne")];
                item.Decision = M($"{name}Beslutning");
                // The documents print it; a draft has only the members' edition, which the matrix prints for the published meeting.
                item.DocumentId = name == "Kladde" ? Kept($"{name}DokId") : M($"{name}DokId");
                // Printed only for imported items, which have no files of their own.
                item.ListedAttachments = [Kept($"{name}NaevntBilag")];
            }
            (await db.AgendaItems.FindAsync(closedItem))!.CaseId = caseId;
            // The project's page lists the items that reported on it: the closed one by its title for insiders only.
            db.Add(new Raad.Domain.Money.StatusReport { ProjectId = project, MeetingId = published, AgendaItemId = closedItem, AsOf = new(2025, 11, 1) });
            db.Add(new Raad.Domain.Minutes.Disqualification
            {
                AgendaItemId = closedItem,
                MembershipId = disqualifiedSeat,
                Reason = Kept("LukketInhabilitet"),
                DeclaredAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var publishing = await secretariat.ChangeStatus(published, "AgendaPublished", "Matrixtestens markørmøde.");
        Assert.True(publishing.Status == HttpStatusCode.Redirect, $"Ikke udsendt ({(int)publishing.Status}): {publishing.Text("[role=alert]")}");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(minutes, "AgendaPublished", "Matrixtestens markørmøde.")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.ChangeStatus(minutes, "Held")).Status);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Raad.Web.Data.AppDbContext>();
            (await db.AgendaItems.FindAsync(minutesItem))!.Decision = M("ReferatBeslutning");
            db.Add(new Raad.Domain.Minutes.Dissent { AgendaItemId = minutesItem, MembershipId = memberSeat, Text = M("ReferatProtokoltilfoersel") });
            await db.SaveChangesAsync();
        }
        var approval = await secretariat.Open($"/moeder/{minutes}/referat/godkendelse");
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.SubmitForm(approval.Handler("Circulate"), [])).Status);

        return new MarkerPlaces(published, draft, minutes, closedAttachment, draftAttachment, caseId, [.. markers], [.. neverShown]);
    }

    private static async Task<int> PlanAt(Visitor secretariat, int body, DateOnly date)
    {
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "09:00", "10:00"));
        Assert.True(planned.RedirectTo is not null, $"Mødet ikke planlagt ({(int)planned.Status}): {planned.Text("[role=alert]")}");
        return int.Parse(planned.RedirectTo!.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> AttachMarked(Visitor secretariat, int item, string title, string fileName, string text)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText(text, 12, new PdfPoint(72, 720), font);
        var result = await secretariat.SubmitFile(await secretariat.Open($"/punkter/{item}/rediger"), new() { ["AttachmentTitle"] = title },
            "File", $"{fileName}.pdf", builder.Build(), "application/pdf");
        Assert.True(result.Status == HttpStatusCode.Redirect, $"Bilag ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
        var href = (await secretariat.Open($"/punkter/{item}/rediger")).Document.QuerySelector("a[href^='/bilag/']")!.GetAttribute("href")!;
        return int.Parse(href["/bilag/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
