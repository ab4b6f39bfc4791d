using Microsoft.EntityFrameworkCore;
using Raad.Domain.Access;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>A portfolio line with the project it stands for, so the page can link it.</summary>
public sealed record PortfolioEntry(int ProjectId, PortfolioLine Line);

public sealed record PortfolioSection(string Heading, IReadOnlyList<PortfolioEntry> Entries);

public sealed record PortfolioView(int BodyId, string Body, bool ByTargetGroup, DateOnly AsOf, HealthAgreement? Agreement,
    IReadOnlyList<PortfolioSection> Sections, bool CanEdit);

/// <summary>
/// One step of a project's money as this viewer may read it: where it was decided is the item's number and title only
/// for those who may read the item (open on a published agenda, or an insider of its body); otherwise the meeting's day.
/// </summary>
public sealed record GrantView(GrantHistoryLine Line, string Pool, string DecidedBy, string? Href);

/// <summary>A forecast against what was granted by its day: the status Tabel 1 would give it then.</summary>
public sealed record ForecastView(SpendForecast Forecast, decimal Granted, decimal RemainderGranted)
{
    public SpendStatus Status => new EconomyRow("", Forecast.ExpectedToCompletion, Granted, RemainderGranted, 0m).Status();

    /// <summary>Expected spend less ordinary grants: above 0 an overspend, below 0 an underspend.</summary>
    public decimal Difference => Forecast.ExpectedToCompletion - Granted;
}

public sealed record ProjectView(Project Project, string Body, IReadOnlyList<GrantView> Grants, IReadOnlyList<ForecastView> Forecasts,
    DateOnly Today, bool CanEdit)
{
    /// <summary>The agenda items the project is linked to, as the viewer may see them: text and the meeting's page.</summary>
    public IReadOnlyList<(string Text, string Href)> Items { get; init; } = [];

    public decimal Granted => Project.GrantedBy(Today);
    public decimal RemainderGranted => Project.RemainderGrantedBy(Today);

    /// <summary>The forecast in force today, judged against today's grants; null without one.</summary>
    public ForecastView? Current => Project.ForecastOn(Today) is { } latest ? new ForecastView(latest, Granted, RemainderGranted) : null;
}

/// <summary>Reads the projects of a body and one project, applying who may see which decision.</summary>
public sealed class ProjectQuery(AppDbContext db, ViewerAccessor viewers, TimeProvider clock)
{
    /// <summary>The body's projects grouped by focus area (or target group), with the health agreement they serve; null without the body.</summary>
    public async Task<PortfolioView?> PortfolioAsync(int bodyId, bool byTargetGroup, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == bodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return null;
        }
        var today = Clock.Today(clock);
        var projects = await db.Projects.AsNoTracking().Where(p => p.BodyId == bodyId)
            .Include(p => p.Owner)
            .Include(p => p.FocusArea)
            .Include(p => p.Grants)
            .AsSplitQuery().ToListAsync(ct);
        var groups = byTargetGroup ? Portfolio.ByTargetGroup(projects, today) : Portfolio.ByFocusArea(projects, today);
        // Each group lists its projects by id, so each line is the first of the group's projects with its title not yet used.
        var left = projects.OrderBy(p => p.Id).ToList();
        var sections = groups.Select(g => new PortfolioSection(g.Heading, [.. g.Projects.Select(line =>
        {
            var project = left.First(p => p.Title == line.Project && Heading(p, byTargetGroup) == g.Heading);
            left.Remove(project);
            return new PortfolioEntry(project.Id, line);
        })])).ToList();
        var agreementIds = projects.Select(p => p.FocusArea?.HealthAgreementId).OfType<int>().Distinct().ToList();
        var agreements = await db.HealthAgreements.AsNoTracking().Include(a => a.FocusAreas).Where(a => agreementIds.Contains(a.Id)).ToListAsync(ct);
        var agreement = agreements.FirstOrDefault(a => a.IsValidOn(today)) ?? agreements.MaxBy(a => a.ValidTo);
        agreement?.FocusAreas.Sort((a, b) => a.Position.CompareTo(b.Position));
        return new PortfolioView(bodyId, body, byTargetGroup, today, agreement, sections, (await viewers.GetAsync(ct)).CanEditBody(bodyId));
    }

    private static string Heading(Project p, bool byTargetGroup) => byTargetGroup
        ? string.IsNullOrWhiteSpace(p.TargetGroup) ? Portfolio.NoTargetGroup : p.TargetGroup.Trim()
        : p.FocusArea?.Name ?? Portfolio.NoFocusArea;

    /// <summary>The project with its goals, money and cases; null when it does not exist.</summary>
    public async Task<ProjectView?> ProjectAsync(int id, CancellationToken ct)
    {
        // The deciding items are not loaded with the grants: only the facts below, so no closed title can reach the page.
        var project = await db.Projects.AsNoTracking()
            .Include(p => p.Body)
            .Include(p => p.Owner)
            .Include(p => p.FocusArea!).ThenInclude(f => f.HealthAgreement)
            .Include(p => p.Goals).ThenInclude(g => g.Measure!).ThenInclude(m => m.Readings)
            .Include(p => p.Grants).ThenInclude(g => g.FundingPool)
            .Include(p => p.Forecasts)
            .Include(p => p.Cases)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return null;
        }
        var viewer = await viewers.GetAsync(ct);
        var today = Clock.Today(clock);
        // An item's title where the viewer may see the item whole; else only its meeting.
        bool MaySee(int itemId, int bodyId, MeetingStatus status, DateOnly date, bool closed) =>
            Visibility.Item(viewer.Facts, new MeetingState(bodyId, status, date), new ItemState(itemId, closed)) == ItemSight.Full;

        // The items the project is linked to (its status reports), besides those that decided its grants.
        var linkedIds = await db.Projects.Where(p => p.Id == id).SelectMany(p => p.AgendaItems).Select(i => i.Id).ToListAsync(ct);
        var itemIds = project.Grants.Select(g => g.DecidedByItemId).OfType<int>().Concat(linkedIds).Distinct().ToList();
        var items = (await db.AgendaItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.MeetingId, i.Meeting!.Date, i.Meeting.BodyId, i.Meeting.Status, i.IsClosed, i.Number, i.Position, i.Title })
            .ToListAsync(ct)).ToDictionary(i => i.Id);
        var procedureIds = project.Grants.Select(g => g.WrittenProcedureId).OfType<int>().Distinct().ToList();
        var procedures = (await db.WrittenProcedures.AsNoTracking().Where(p => procedureIds.Contains(p.Id))
            .Select(p => new { p.Id, p.BodyId, p.Title, p.Status }).ToListAsync(ct)).ToDictionary(p => p.Id);

        // GrantHistory orders by day, then id: the same order pairs each line with its grant.
        var ordered = project.Grants.OrderBy(g => g.Date).ThenBy(g => g.Id).ToList();
        var grants = project.GrantHistory().Select((line, index) =>
        {
            var grant = ordered[index];
            var (text, href) = (grant.DecidedByItemId, grant.WrittenProcedureId) switch
            {
                ({ } itemId, _) when items.TryGetValue(itemId, out var item) =>
                    MaySee(item.Id, item.BodyId, item.Status, item.Date, item.IsClosed)
                        ? ($"Møde {DanishFormat.Date(item.Date)}, punkt {item.Number ?? item.Position}: {item.Title}", $"/moeder/{item.MeetingId}")
                        : ($"Møde {DanishFormat.Date(item.Date)}", $"/moeder/{item.MeetingId}"),
                (_, { } procedureId) when procedures.TryGetValue(procedureId, out var procedure) =>
                    viewer.IsInsider(procedure.BodyId)
                        ? ($"Skriftlig proces: {procedure.Title}", $"/skriftlig-proces/{procedure.Id}")
                        : (Visibility.WrittenProcedure(viewer.Facts, procedure.BodyId, procedure.Status) ? $"Skriftlig proces: {procedure.Title}" : "Skriftlig proces",
                            (string?)null),
                _ => ("", (string?)null),
            };
            return new GrantView(line, grant.FundingPool?.Name ?? "", text, href);
        }).ToList();

        var forecasts = project.Forecasts.OrderByDescending(f => f.AsOf)
            .Select(f => new ForecastView(f, project.GrantedBy(f.AsOf), project.RemainderGrantedBy(f.AsOf))).ToList();
        project.Goals.Sort((a, b) => (a.Year ?? 0, a.Position, a.Id).CompareTo((b.Year ?? 0, b.Position, b.Id)));
        foreach (var measure in project.Goals.Select(g => g.Measure).OfType<Measure>())
        {
            measure.Readings.Sort((a, b) => a.Date.CompareTo(b.Date));
        }
        project.Cases.Sort((a, b) => string.CompareOrdinal(a.Title, b.Title));
        // A linked item's title only where the viewer may see the item, as for the deciding items above.
        var linked = linkedIds.Select(i => items[i]).OrderBy(i => i.Date).ThenBy(i => i.Position)
            .Select(item => (MaySee(item.Id, item.BodyId, item.Status, item.Date, item.IsClosed)
                ? $"Møde {DanishFormat.Date(item.Date)}, punkt {item.Number ?? item.Position}: {item.Title}"
                : $"Møde {DanishFormat.Date(item.Date)}", $"/moeder/{item.MeetingId}"))
            .ToList();
        return new ProjectView(project, project.Body?.Name ?? "", grants, forecasts, today, viewer.CanEditBody(project.BodyId)) { Items = linked };
    }
}
