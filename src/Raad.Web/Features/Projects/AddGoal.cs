using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>A goal as typed: the year (blank for the whole project), the text, and optionally what measures it.</summary>
public sealed class GoalInput
{
    public int? Year { get; set; }
    public string? Text { get; set; }
    public string? MeasureName { get; set; }
    public string? Unit { get; set; }
    public string? Baseline { get; set; }
    public string? Target { get; set; }
}

/// <summary>Adds a goal to a project, with its measure when one is named.</summary>
public sealed class AddGoal(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int projectId, GoalInput input, CancellationToken ct)
    {
        var baseline = DanishNumber.ParseOptional(input.Baseline, nameof(input.Baseline), "55");
        var target = DanishNumber.ParseOptional(input.Target, nameof(input.Target), "65");
        var hasMeasure = !string.IsNullOrWhiteSpace(input.MeasureName) || !string.IsNullOrWhiteSpace(input.Unit)
            || !string.IsNullOrWhiteSpace(input.Baseline) || !string.IsNullOrWhiteSpace(input.Target);
        var v = new Validation()
            .Require(!string.IsNullOrWhiteSpace(input.Text), "goal.text_required", nameof(input.Text), "Skriv målet, fx \"At øge andelen af børn, der ammes fuldt ud\".")
            .Require(input.Year is null or (>= 2000 and <= 2100), "goal.year_invalid", nameof(input.Year), "Angiv året som fx 2024, eller lad feltet stå tomt for hele indsatsen.")
            .Require(!hasMeasure || !string.IsNullOrWhiteSpace(input.MeasureName), "goal.measure_name_required", nameof(input.MeasureName),
                "Giv målepunktet et navn, fx \"Andel børn, der ammes fuldt ud efter 2 uger\".")
            .Require(!hasMeasure || !string.IsNullOrWhiteSpace(input.Unit), "goal.unit_required", nameof(input.Unit),
                "Angiv målepunktets enhed, fx % eller borgere.");
        var errors = v.Errors.Concat(baseline.Errors ?? []).Concat(target.Errors ?? []).ToList();
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }
        var project = await db.Projects.Include(p => p.Goals).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return new Error("project.not_found", "Indsatsen findes ikke.");
        }
        var goal = new Goal
        {
            ProjectId = project.Id,
            Year = input.Year,
            Text = input.Text!.Trim(),
            Position = project.Goals.Count == 0 ? 1 : project.Goals.Max(g => g.Position) + 1,
            Measure = hasMeasure
                ? new Measure { Name = input.MeasureName!.Trim(), Unit = input.Unit!.Trim(), Baseline = baseline.Value, Target = target.Value }
                : null,
        };
        project.Goals.Add(goal);
        return (await db.SaveAsync("Indsatsen", ct)).With(goal.Id);
    }
}
