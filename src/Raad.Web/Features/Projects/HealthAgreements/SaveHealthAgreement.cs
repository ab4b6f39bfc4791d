using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.Money;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Projects.HealthAgreements;

/// <summary>The agreement form: principles and focus areas one per line, and the version the form showed.</summary>
public sealed class AgreementInput
{
    public string? Name { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Principles { get; set; }
    public string? FocusAreas { get; set; }

    /// <summary>The agreement's version the form showed (ADR 0003); 0 for a new one.</summary>
    public int Version { get; set; }

    public static AgreementInput Of(HealthAgreement a) => new()
    {
        Name = a.Name,
        ValidFrom = a.ValidFrom,
        ValidTo = a.ValidTo,
        Principles = string.Join('\n', a.Principles),
        FocusAreas = string.Join('\n', a.FocusAreas.OrderBy(f => f.Position).Select(f => f.Name)),
        Version = a.Version,
    };

    /// <summary>The non-blank lines of a text area, trimmed.</summary>
    public static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}

/// <summary>
/// Creates a health agreement or changes one. Editing keeps the focus areas the projects point at: a line with the same
/// name keeps its focus area, and a changed line in the same place renames it. A focus area that projects use cannot be removed.
/// </summary>
public sealed class SaveHealthAgreement(AppDbContext db) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int? agreementId, AgreementInput input, CancellationToken ct)
    {
        var v = new Validation()
            .Require(input.ValidFrom is not null, "agreement.from_required", nameof(input.ValidFrom), "Angiv, hvornår aftalen gælder fra.")
            .Require(input.ValidTo is not null, "agreement.to_required", nameof(input.ValidTo), "Angiv, hvornår aftalen gælder til.");
        var errors = v.Errors.ToList();
        errors.AddRange(HealthAgreement.Validate(input.Name, input.ValidFrom ?? DateOnly.MinValue, input.ValidTo ?? DateOnly.MaxValue).Errors);
        var lines = AgreementInput.Lines(input.FocusAreas);
        if (lines.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add(new Error("agreement.focus_area_twice", $"Fokusområdet \"{twice.Key}\" står der to gange.", nameof(input.FocusAreas)));
        }
        if (lines.FirstOrDefault(l => l.Length > 300) is { } tooLong)
        {
            errors.Add(new Error("agreement.focus_area_long", $"Fokusområdet \"{tooLong[..40]}...\" er for langt; højst 300 tegn pr. linje.", nameof(input.FocusAreas)));
        }
        var name = input.Name?.Trim();
        if (await db.HealthAgreements.AnyAsync(a => a.Name == name && a.Id != agreementId, ct))
        {
            errors.Add(new Error("agreement.name_taken", "Der findes allerede en sundhedsaftale med det navn.", nameof(input.Name)));
        }
        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        HealthAgreement agreement;
        if (agreementId is { } id)
        {
            var existing = await db.HealthAgreements.Include(a => a.FocusAreas).FirstOrDefaultAsync(a => a.Id == id, ct);
            if (existing is null)
            {
                return new Error("agreement.not_found", "Sundhedsaftalen findes ikke.");
            }
            // Focus areas are rows of their own: the agreement's version is raised on every save, so two editors cannot both change them.
            db.ExpectVersionOfWhole(existing, input.Version);
            agreement = existing;
        }
        else
        {
            agreement = new HealthAgreement { Name = name! };
            db.HealthAgreements.Add(agreement);
        }
        agreement.Name = name!;
        agreement.ValidFrom = input.ValidFrom!.Value;
        agreement.ValidTo = input.ValidTo!.Value;
        agreement.Principles = AgreementInput.Lines(input.Principles);

        var matched = Match([.. agreement.FocusAreas.OrderBy(f => f.Position)], lines);
        var removed = agreement.FocusAreas.Where(f => !matched.Contains(f)).ToList();
        if (removed.Count > 0)
        {
            var removedIds = removed.Select(f => f.Id).ToList();
            var used = await db.Projects.Where(p => p.FocusAreaId != null && removedIds.Contains(p.FocusAreaId.Value))
                .Select(p => new { p.FocusAreaId, p.Title }).ToListAsync(ct);
            var refused = removed.Where(f => used.Any(u => u.FocusAreaId == f.Id)).Select(f =>
            {
                var titles = used.Where(u => u.FocusAreaId == f.Id).Select(u => $"\"{u.Title}\"").ToList();
                return new Error("agreement.focus_area_in_use",
                    $"Fokusområdet \"{f.Name}\" kan ikke fjernes, fordi {(titles.Count == 1 ? "indsatsen" : "indsatserne")} {string.Join(", ", titles)} hører under det. "
                    + "Flyt indsatserne til et andet fokusområde først, eller behold linjen.", nameof(input.FocusAreas));
            }).ToList();
            if (refused.Count > 0)
            {
                db.ChangeTracker.Clear();
                return Result<int>.Fail(refused);
            }
            foreach (var area in removed)
            {
                agreement.FocusAreas.Remove(area);
            }
        }
        for (var i = 0; i < lines.Count; i++)
        {
            if (matched[i] is { } area)
            {
                area.Name = lines[i];
                area.Position = i + 1;
            }
            else
            {
                agreement.AddFocusArea(lines[i]).Position = i + 1;
            }
        }
        var saved = await db.SaveAsync("Sundhedsaftalen", ct);
        return saved.IsSuccess ? agreement.Id : Result<int>.Fail(saved.Errors);
    }

    /// <summary>
    /// For each line, the existing focus area it keeps: first by the same name, then a changed line in the place of an
    /// area no line names any more (a rename); null for a new area.
    /// </summary>
    private static List<FocusArea?> Match(List<FocusArea> existing, List<string> lines)
    {
        var result = lines.Select(l => existing.FirstOrDefault(f => string.Equals(f.Name.Trim(), l, StringComparison.OrdinalIgnoreCase))).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (result[i] is null && i < existing.Count && !result.Contains(existing[i]))
            {
                result[i] = existing[i];
            }
        }
        return result;
    }
}
