using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Domain.Agenda;
using Raad.Domain.Cases;
using Raad.Domain.Meetings;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The case index (/sager) lists and counts only what the viewer may see: a case known only by a closed item does not
/// exist for the public, not even by its title, and the counts leave out closed items and drafts; the secretariat and
/// the body's members see all of it.
/// </summary>
public abstract class CaseIndexScenarios(RaadApp app)
{
    private const string ClosedOnly = "Salg af grunden på Havnevej 12 (LUKKETSAGMARKØR)";
    private const string Mixed = "Ny sundhedsaftale for klyngen (test)";

    /// <summary>
    /// In the demo member's body: a published agenda with an open and a closed item on the mixed case and a closed item on
    /// the closed-only case, and a draft agenda with a third item on the mixed case. Returns the two cases' ids.
    /// </summary>
    private async Task<(int ClosedOnly, int Mixed)> CasesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var existing = await db.Cases.Where(c => c.Title == ClosedOnly || c.Title == Mixed).ToDictionaryAsync(c => c.Title, c => c.Id, ct);
        if (existing.Count == 2)
        {
            return (existing[ClosedOnly], existing[Mixed]);
        }
        var bodyId = await db.Memberships.Where(m => m.Person!.Name == "Jørgen Steen Andersen").Select(m => m.BodyId).FirstAsync(ct);
        var closedOnly = new Case { Title = ClosedOnly, BodyId = bodyId, CaseNumber = "LUK-2026-1" };
        var mixed = new Case { Title = Mixed, BodyId = bodyId, CaseNumber = "MIX-2026-1" };
        var published = new Meeting
        {
            BodyId = bodyId,
            Date = app.Clock.Today.AddDays(40),
            Start = new TimeOnly(14, 0),
            End = new TimeOnly(16, 0),
            Items =
            [
                new AgendaItem { Title = "Sundhedsaftalen: status", Number = 1, Position = 1, Case = mixed },
                new AgendaItem { Title = "Sundhedsaftalen: forhandlingsmandat", Number = 2, Position = 2, IsClosed = true, Case = mixed },
                new AgendaItem { Title = "Salg af grunden", Number = 3, Position = 3, IsClosed = true, Case = closedOnly },
            ],
        };
        var draft = new Meeting
        {
            BodyId = bodyId,
            Date = app.Clock.Today.AddDays(80),
            Start = new TimeOnly(14, 0),
            End = new TimeOnly(16, 0),
            Items = [new AgendaItem { Title = "Sundhedsaftalen: udkast", Position = 1, Case = mixed }],
        };
        Assert.True(published.StartAgenda().IsSuccess);
        Assert.True(published.PublishAgenda(app.Clock.GetUtcNow()).IsSuccess);
        Assert.True(draft.StartAgenda().IsSuccess);
        db.Meetings.AddRange(published, draft);
        await db.SaveChangesAsync(ct);
        return (closedOnly.Id, mixed.Id);
    }

    /// <summary>The index's row of the case ("Punkter" the last cell), or null when the case is not listed.</summary>
    private static async Task<(string Title, int Items)?> RowAsync(Visitor visitor, int caseId)
    {
        var index = await visitor.Open("/sager");
        Assert.Equal(HttpStatusCode.OK, index.Status);
        var row = index.Document.QuerySelector($"a[href='/sager/{caseId}']")?.Closest("tr");
        return row is null ? null
            : (row.QuerySelector("a")!.TextContent, int.Parse(row.QuerySelector("td[data-title='Punkter']")!.TextContent, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_public_sees_neither_a_case_known_only_by_a_closed_item_nor_counts_of_closed_and_draft_items()
    {
        var (closedOnly, mixed) = await CasesAsync();
        using var outsider = app.Anonymous();

        Assert.Null(await RowAsync(outsider, closedOnly));
        Assert.DoesNotContain("LUKKETSAGMARKØR", (await outsider.Open("/sager")).Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Open($"/sager/{closedOnly}")).Status);
        Assert.Equal((Mixed, 1), await RowAsync(outsider, mixed));
        var details = await outsider.Open($"/sager/{mixed}");
        Assert.Contains("Sundhedsaftalen: status", details.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("forhandlingsmandat", details.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("udkast", details.Text("main"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Secretariat)]
    [InlineData(Role.Member)]
    public async Task Insiders_see_every_case_of_the_body_with_all_its_items(Role role)
    {
        var (closedOnly, mixed) = await CasesAsync();
        using var insider = await app.SignInAs(role);

        Assert.Equal((ClosedOnly, 1), await RowAsync(insider, closedOnly));
        Assert.Equal((Mixed, 3), await RowAsync(insider, mixed));
        Assert.Contains("Salg af grunden", (await insider.Open($"/sager/{closedOnly}")).Text("main"), StringComparison.Ordinal);
        var details = await insider.Open($"/sager/{mixed}");
        Assert.Contains("forhandlingsmandat", details.Text("main"), StringComparison.Ordinal);
        Assert.Contains("udkast", details.Text("main"), StringComparison.Ordinal);
    }
}

public sealed class CaseIndexOnSqlite(SqliteApp app) : CaseIndexScenarios(app), IClassFixture<SqliteApp>;

public sealed class CaseIndexOnPostgres(PostgresApp app) : CaseIndexScenarios(app), IClassFixture<PostgresApp>;
