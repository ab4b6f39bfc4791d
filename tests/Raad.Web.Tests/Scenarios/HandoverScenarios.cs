using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Cases;
using Raad.Domain.Meetings;
using Raad.Domain.Money;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The administrator hands a body that ends over to its successor. Other classes share the app and the demo's Syd, so
/// each scenario hands over a body pair of its own (a cluster ending 31 December 2025 and a council from 2026) with its
/// own pool, projects, cases, recommendation and observer.
/// </summary>
public abstract class HandoverScenarios(RaadApp app)
{
    private const string AlreadyDone = "Intet overdrages to gange.";

    [Fact]
    public async Task The_handover_moves_open_projects_pools_open_cases_recommendations_and_observers_once_with_their_history()
    {
        var w = await SeedAsync("Overdragelse");
        using var secretariat = await app.SignInAs(Role.Secretariat);
        using var admin = await app.SignInAs(Role.Administrator);

        // The secretariat records the cluster's recommendation, from the item that decided it.
        var recommendations = await secretariat.Open($"/udvalg/{w.Old}/anbefalinger");
        Assert.Equal(HttpStatusCode.OK, recommendations.Status);
        var empty = await secretariat.Submit(recommendations, new() { ["Input.Text"] = "  ", ["Input.Date"] = "2025-08-27" });
        Assert.Contains("Skriv anbefalingen.", empty.Text(".form-error-message"), StringComparison.Ordinal);
        var saved = await secretariat.Submit(recommendations, new()
        {
            ["Input.Text"] = $"{w.Prefix}: Brugerinvolvering i sundhedsrådet",
            ["Input.Date"] = "2025-08-27",
            ["Input.AgendaItemId"] = $"{w.DecidedItem}",
        });
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        recommendations = await secretariat.Open($"/udvalg/{w.Old}/anbefalinger");
        Assert.Contains($"{w.Prefix}: Brugerinvolvering i sundhedsrådet", recommendations.Text("tbody th"), StringComparison.Ordinal);
        Assert.Contains($"{w.Prefix}: Beslutning om midler", recommendations.Text("tbody td"), StringComparison.Ordinal);
        // The secretariat may not hand over.
        Assert.Equal("/konto/adgang-naegtet", (await secretariat.Open($"/udvalg/{w.Old}/overdragelse")).RedirectTo?.AbsolutePath);

        // The plan lists each line; closed things stay behind.
        var page = await admin.Open($"/udvalg/{w.Old}/overdragelse");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var lines = page.Document.QuerySelectorAll("ul.raad-handover-lines li").Select(li => li.TextContent.Trim()).ToList();
        string[] expected =
        [
            $"Projekt: {w.Prefix}: Løbende projekt (i gang)",
            $"Pulje: {w.Prefix}: Pulje 2024, rest 600.000 kr.",
            $"Sag: {w.Prefix}: Sag under behandling",
            $"Anbefaling: {w.Prefix}: Brugerinvolvering i sundhedsrådet",
            $"Observatør: {w.Prefix}: Observatør Olsen",
        ];
        Assert.Equal(expected, lines);
        Assert.Contains("kan ikke fortrydes", page.Text(".alert-warning"), StringComparison.Ordinal);
        Assert.Equal("2026-01-01", page.Value("Input.Date"));
        var before = await StateAsync(w);

        var done = await admin.Submit(page, new() { ["Input.Date"] = "2026-01-01" });
        Assert.True(done.Status == HttpStatusCode.Redirect, $"Ikke overdraget ({(int)done.Status}): {done.Text("[role=alert]")}");

        // The record: date, from, to and every line.
        var record = await admin.Open($"/udvalg/{w.Old}/overdragelse");
        Assert.Contains($"Overdraget til {w.Prefix}: Råd den 1. januar 2026", record.Text("h2"), StringComparison.Ordinal);
        Assert.Equal(expected, record.Document.QuerySelectorAll("section.raad-handover-record tbody td").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain(record.Document.Forms, f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Date"));

        // Everything open belongs to the successor, with its grants and history; the rest stays.
        var after = await StateAsync(w);
        Assert.Equal(w.New, after.RunningProjectBody);
        Assert.Equal(w.Old, after.CompletedProjectBody);
        Assert.Equal(w.New, after.PoolBody);
        Assert.Equal(w.New, after.OpenCaseBody);
        Assert.Equal(w.Old, after.DecidedCaseBody);
        Assert.Equal(w.New, after.RecommendationBody);
        Assert.Equal(w.DecidedItem, after.RecommendationItem);
        Assert.Equal(before.Grants, after.Grants);
        Assert.Equal(before.Contributions, after.Contributions);
        Assert.Equal($"{w.Observer}:{w.Copenhagen}:2026-01-01", after.SuccessorObservers);
        Assert.Equal(0, after.SuccessorMembers);
        Assert.Equal(5, after.RecordLines);

        // The body pages say where things went and came from.
        using var citizen = app.Anonymous();
        var oldPage = await citizen.Open($"/udvalg/{w.Old}");
        Assert.Contains($"Overdraget til {w.Prefix}: Råd den 1. januar 2026", oldPage.Text(".raad-handover-note"), StringComparison.Ordinal);
        Assert.Contains($"Overtaget fra {w.Prefix}: Klynge den 1. januar 2026", (await citizen.Open($"/udvalg/{w.New}")).Text(".raad-handover-note"), StringComparison.Ordinal);
        var adminsOldPage = await admin.Open($"/udvalg/{w.Old}");
        Assert.NotNull(adminsOldPage.Document.QuerySelector($".raad-handover-note a[href='/udvalg/{w.Old}/overdragelse']"));

        // A second handover, from the page shown before the first: refused with the domain's message, nothing changes.
        var second = await admin.Submit(page, new() { ["Input.Date"] = "2026-02-01" });
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains($"{w.Prefix}: Klynge blev overdraget til {w.Prefix}: Råd den 1. januar 2026. {AlreadyDone}", second.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(after, await StateAsync(w));
    }

    /// <summary>
    /// With money, the later save finds the moved projects changed (their versions); with only an observer to move, the
    /// unique index on the handover's from-body refuses it. Either way the message is the domain's.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_administrators_who_hand_over_at_the_same_moment_get_one_handover_and_the_domains_message(bool withMoney)
    {
        var w = await SeedAsync($"Samtidig overdragelse {(withMoney ? "med" : "uden")} midler", withMoney);
        using var first = await app.SignInAs(Role.Administrator);
        using var second = await app.SignInAs(Role.Administrator);
        var firstPage = await first.Open($"/udvalg/{w.Old}/overdragelse");
        var secondPage = await second.Open($"/udvalg/{w.Old}/overdragelse");

        var results = await Task.WhenAll(
            first.Submit(firstPage, new() { ["Input.Date"] = "2026-01-01" }),
            second.Submit(secondPage, new() { ["Input.Date"] = "2026-01-02" }));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var refused = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains(AlreadyDone, refused.Text("[role=alert]"), StringComparison.Ordinal);
        var state = await StateAsync(w);
        // No recommendation in this pair: project, pool, case and observer, or the observer alone.
        Assert.Equal(withMoney ? 4 : 1, state.RecordLines);
        // Whichever came first: one observer seat in the successor, from that handover's day.
        Assert.Contains(state.SuccessorObservers, new[] { $"{w.Observer}:{w.Copenhagen}:2026-01-01", $"{w.Observer}:{w.Copenhagen}:2026-01-02" });
        Assert.Equal(withMoney, state.RunningProjectBody == w.New);
    }

    [Fact]
    public async Task A_body_without_successor_is_told_to_set_it_on_the_body_form()
    {
        using var admin = await app.SignInAs(Role.Administrator);
        var alone = await admin.EnsureBody("Overdragelse: Udvalg uden efterfølger (test)", "2020-01-01");

        var page = await admin.Open($"/udvalg/{alone}/overdragelse");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("har intet efterfølgende udvalg", page.Text("main"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"main a[href='/udvalg/{alone}/rediger']"));
        Assert.Empty(page.Document.QuerySelectorAll("input[name='Input.Date']"));
    }

    private sealed record World(string Prefix, int Old, int New, int DecidedItem, int Observer, int Copenhagen, int RunningProject, int CompletedProject, int Pool,
        int OpenCase, int DecidedCase);

    /// <summary>What the scenario checks before and after, read from the database.</summary>
    private sealed record State(
        int RunningProjectBody,
        int CompletedProjectBody,
        int PoolBody,
        int OpenCaseBody,
        int DecidedCaseBody,
        int? RecommendationBody,
        int? RecommendationItem,
        string Grants,
        string Contributions,
        string SuccessorObservers,
        int SuccessorMembers,
        int RecordLines);

    private async Task<State> StateAsync(World w)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var projects = await db.Projects.AsNoTracking().Where(p => p.Id == w.RunningProject || p.Id == w.CompletedProject).ToListAsync(ct);
        var pool = await db.FundingPools.AsNoTracking().SingleAsync(p => p.Id == w.Pool, ct);
        var cases = await db.Cases.AsNoTracking().Where(c => c.Id == w.OpenCase || c.Id == w.DecidedCase).ToListAsync(ct);
        var recommendation = await db.BodyRecommendations.AsNoTracking().Where(r => r.Text.StartsWith(w.Prefix + ":")).SingleOrDefaultAsync(ct);
        var grants = await db.Grants.AsNoTracking().Where(g => g.FundingPoolId == w.Pool).OrderBy(g => g.Id)
            .Select(g => $"{g.Id}:{g.ProjectId}:{g.Kind}:{g.Amount}:{g.Date}:{g.DecidedByItemId}").ToListAsync(ct);
        var contributions = await db.Contributions.AsNoTracking().Where(c => c.FundingPoolId == w.Pool).OrderBy(c => c.Id)
            .Select(c => $"{c.Id}:{c.Source}:{c.Amount}").ToListAsync(ct);
        var successor = await db.Memberships.AsNoTracking().Where(m => m.BodyId == w.New).OrderBy(m => m.Id).ToListAsync(ct);
        var lines = await db.Handovers.AsNoTracking().Where(r => r.FromBodyId == w.Old).SelectMany(r => r.Lines).CountAsync(ct);
        Assert.True(await db.Handovers.CountAsync(r => r.FromBodyId == w.Old, ct) <= 1);
        return new State(
            projects.Single(p => p.Id == w.RunningProject).BodyId,
            projects.Single(p => p.Id == w.CompletedProject).BodyId,
            pool.BodyId,
            cases.Single(c => c.Id == w.OpenCase).BodyId!.Value,
            cases.Single(c => c.Id == w.DecidedCase).BodyId!.Value,
            recommendation?.BodyId,
            recommendation?.AgendaItemId,
            string.Join('|', grants),
            string.Join('|', contributions),
            string.Join('|', successor.Where(m => m.Role == MembershipRole.Observer).Select(m => $"{m.PersonId}:{m.OrganisationId}:{m.From:yyyy-MM-dd}")),
            successor.Count(m => m.Role != MembershipRole.Observer),
            lines);
    }

    /// <summary>
    /// A cluster (to 31 December 2025) and its successor council (from 1 January 2026). The cluster has a pool of 1 mio. kr.
    /// with 300.000 + 100.000 kr. granted to a running project under a decided item and 50.000 kr. of remainder funds to a
    /// completed one (600.000 kr. remain), a case still awaiting a decision, a decided case, an observer from Københavns Kommune and a member.
    /// </summary>
    private async Task<World> SeedAsync(string prefix, bool withMoney = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var council = new Body { Name = $"{prefix}: Råd", Level = BodyLevel.Political, ValidFrom = new DateOnly(2026, 1, 1), StandardItems = Body.DefaultTemplate() };
        var cluster = new Body
        {
            Name = $"{prefix}: Klynge",
            Level = BodyLevel.Political,
            ValidFrom = new DateOnly(2022, 9, 28),
            ValidTo = new DateOnly(2025, 12, 31),
            Successor = council,
            StandardItems = Body.DefaultTemplate(),
        };
        var copenhagen = await db.Organisations.FirstOrDefaultAsync(o => o.Name == "Københavns Kommune", ct)
            ?? new Organisation { Name = "Københavns Kommune", Kind = OrganisationKind.Municipality };
        var observer = new Person { Name = $"{prefix}: Observatør Olsen" };
        var member = new Person { Name = $"{prefix}: Medlem Madsen" };
        cluster.Memberships.Add(new Membership { Body = cluster, Person = observer, Organisation = copenhagen, Role = MembershipRole.Observer, From = new DateOnly(2024, 1, 1) });
        cluster.Memberships.Add(new Membership { Body = cluster, Person = member, Role = MembershipRole.Member, Group = MemberGroup.Municipal, From = new DateOnly(2024, 1, 1) });

        var decided = new AgendaItem { Title = $"{prefix}: Beslutning om midler", Kind = ItemKind.Decision, DurationMinutes = 15, Position = 1, Number = 1, Decision = "Indstillingen blev tiltrådt." };
        var pending = new AgendaItem { Title = $"{prefix}: Sag til drøftelse", Kind = ItemKind.Discussion, DurationMinutes = 15, Position = 2, Number = 2 };
        var meeting = new Meeting
        {
            Body = cluster,
            Date = new DateOnly(2024, 3, 12),
            Start = new TimeOnly(14, 0),
            End = new TimeOnly(16, 0),
            Location = "Et sted",
            Items = [decided, pending],
        };
        Assert.True(meeting.RecordApprovedMinutes(null).IsSuccess);
        var decidedCase = new Case { Title = $"{prefix}: Afgjort sag", Body = cluster, Items = [decided] };
        var openCase = new Case { Title = $"{prefix}: Sag under behandling", Body = cluster, Items = [pending] };

        var pool = new FundingPool { Body = cluster, Year = 2024, Name = $"{prefix}: Pulje 2024" };
        Assert.True(pool.AddContribution("Kommunerne", 600_000m, MemberGroup.Municipal, null, new DateOnly(2024, 1, 1)).IsSuccess);
        Assert.True(pool.AddContribution("Regionen", 400_000m, MemberGroup.Regional, null, new DateOnly(2024, 1, 1)).IsSuccess);
        var running = new Project { Body = cluster, Title = $"{prefix}: Løbende projekt", Status = ProjectStatus.Running, Start = new DateOnly(2024, 4, 1) };
        var completed = new Project
        {
            Body = cluster,
            Title = $"{prefix}: Afsluttet projekt",
            Status = ProjectStatus.Completed,
            Start = new DateOnly(2024, 4, 1),
            End = new DateOnly(2025, 6, 30),
        };
        decided.Meeting = meeting; // Grant.Record checks the deciding item's meeting
        Assert.True(Grant.Record(pool, running, GrantKind.Grant, 300_000m, meeting.Date, decided).IsSuccess);
        Assert.True(Grant.Record(pool, running, GrantKind.Increase, 100_000m, meeting.Date, decided).IsSuccess);
        Assert.True(Grant.Record(pool, completed, GrantKind.RemainderFunds, 50_000m, meeting.Date, decided).IsSuccess);

        db.AddRange(council, cluster, meeting, decidedCase, openCase, pool, running, completed);
        // The demo secretariat runs both, as the administrator would have granted it.
        var secretary = await db.Users.SingleAsync(u => u.Email == ProcedureTestBodies.SecretariatEmail, ct);
        db.SecretariatGrants.AddRange(new SecretariatGrant { UserId = secretary.Id, Body = council }, new SecretariatGrant { UserId = secretary.Id, Body = cluster });
        await db.SaveChangesAsync(ct);
        if (!withMoney)
        {
            // The same rows, left with a body that is not handed over: only the observer moves.
            var bystander = new Body { Name = $"{prefix}: Andet udvalg", Level = BodyLevel.Political, ValidFrom = new DateOnly(2022, 1, 1) };
            db.Bodies.Add(bystander);
            (running.Body, completed.Body, pool.Body, openCase.Body, decidedCase.Body) = (bystander, bystander, bystander, bystander, bystander);
            await db.SaveChangesAsync(ct);
        }
        return new World(prefix, cluster.Id, council.Id, decided.Id, observer.Id, copenhagen.Id, running.Id, completed.Id, pool.Id, openCase.Id, decidedCase.Id);
    }
}

public sealed class HandoverOnSqlite(SqliteApp app) : HandoverScenarios(app), IClassFixture<SqliteApp>;

public sealed class HandoverOnPostgres(PostgresApp app) : HandoverScenarios(app), IClassFixture<PostgresApp>;
