using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects;

/// <summary>A reading as typed: which of the project's measures, the day, the value ("62,5") and a note.</summary>
public sealed class ReadingInput
{
    public int? MeasureId { get; set; }
    public DateOnly? Date { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }
}

/// <summary>Records a measure's value on a day, through <see cref="Measure.AddReading"/>.</summary>
public sealed class AddReading(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int projectId, ReadingInput input, CancellationToken ct)
    {
        var value = DanishNumber.ParseOptional(input.Value, nameof(input.Value), "62,5");
        var v = new Validation()
            .Require(input.MeasureId is not null, "reading.measure_required", nameof(input.MeasureId), "Vælg det målepunkt, målingen hører til.")
            .Require(input.Date is not null, "reading.date_required", nameof(input.Date), "Angiv målingens dato.")
            .Require(!value.IsSuccess || value.Value is not null, "reading.value_required", nameof(input.Value), "Skriv den målte værdi, fx 62,5.");
        var errors = v.Errors.Concat(value.Errors ?? []).ToList();
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }
        var measure = (await db.Set<Goal>().Include(g => g.Measure!).ThenInclude(m => m.Readings)
            .FirstOrDefaultAsync(g => g.ProjectId == projectId && g.Measure!.Id == input.MeasureId, ct))?.Measure;
        if (measure is null)
        {
            return new Error("reading.measure_not_found", "Målepunktet findes ikke på denne indsats.", nameof(input.MeasureId));
        }
        var reading = measure.AddReading(input.Date!.Value, value.Value!.Value, input.Note.OrNull());
        if (!reading.IsSuccess)
        {
            return Result<int>.Fail(reading.Errors);
        }
        return (await db.SaveAsync("Målingen", ct)).With(reading.Value!.Id);
    }
}
