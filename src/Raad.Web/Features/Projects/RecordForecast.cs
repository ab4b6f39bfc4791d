using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>A forecast as typed: amounts the Danish way ("2,05 mio.", "240.000"), read with <see cref="Kroner.Parse"/>.</summary>
public sealed class ForecastInput
{
    public DateOnly? AsOf { get; set; }
    public string? ExpectedToCompletion { get; set; }
    public string? ActualToDate { get; set; }
    public string? Note { get; set; }
}

/// <summary>Records a project's expected spend to completion (and actual spend so far) as of a day.</summary>
public sealed class RecordForecast(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int projectId, ForecastInput input, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (input.AsOf is null)
        {
            errors.Add(new Error("forecast.date_required", "Angiv, hvilken dato prognosen gælder pr.", nameof(input.AsOf)));
        }
        var expected = Kroner.Parse(input.ExpectedToCompletion);
        errors.AddRange((expected.Errors ?? []).Select(e => e with { Field = nameof(input.ExpectedToCompletion) }));
        decimal? actual = null;
        if (!string.IsNullOrWhiteSpace(input.ActualToDate))
        {
            var parsed = Kroner.Parse(input.ActualToDate);
            errors.AddRange((parsed.Errors ?? []).Select(e => e with { Field = nameof(input.ActualToDate) }));
            actual = parsed.Value;
        }
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }
        var project = await db.Projects.Include(p => p.Forecasts).FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return new Error("project.not_found", "Indsatsen findes ikke.");
        }
        var forecast = SpendForecast.Record(project, input.AsOf!.Value, expected.Value, actual, input.Note.OrNull());
        if (!forecast.IsSuccess)
        {
            return Result<int>.Fail(forecast.Errors);
        }
        return (await db.SaveAsync("Prognosen", ct)).With(forecast.Value!.Id);
    }
}
