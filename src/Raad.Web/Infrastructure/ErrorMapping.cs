using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;

namespace Raad.Web.Infrastructure;

/// <summary>The one place where expected errors become form errors or problem details.</summary>
public static class ErrorMapping
{
    public const string ConflictCode = "concurrency.conflict";

    public static bool AddErrors(this ModelStateDictionary modelState, Result result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            // A page that binds its fields directly (no Input object) passes the prefix "".
            modelState.AddModelError(error.Field is null ? "" : prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}", error.Message);
        }
        return result.IsSuccess;
    }

    /// <summary>The same for a use case that answers with a value (e.g. the new row's id).</summary>
    public static bool AddErrors<T>(this ModelStateDictionary modelState, Result<T> result, string prefix = "Input") =>
        modelState.AddErrors(Result.From(result.Errors ?? []), prefix);

    /// <summary>The first error recorded for a field, to print next to it.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static IResult ToProblem(this Result result, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(
            statusCode: result.Errors.Any(e => e.Code == ConflictCode) ? StatusCodes.Status409Conflict : status,
            title: result.Errors.FirstOrDefault()?.Message ?? "Fejl",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = result.Errors.Select(e => new { e.Code, e.Message, e.Field }).ToList(),
            });

    public static IResult ToProblem<T>(this Result<T> result, int status = StatusCodes.Status400BadRequest) =>
        result.ToResult().ToProblem(status);

    public static Error Conflict(string what) => new(ConflictCode,
        $"{what} er blevet ændret af en anden, siden du åbnede siden. Dine ændringer er ikke gemt. Se den gemte version nedenfor, og gem igen, hvis dine ændringer stadig skal med.");

    /// <summary>Runs one user action as one transaction; a concurrent edit becomes a conflict error, not an overwrite.</summary>
    public static async Task<Result> SaveAsync(this DbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict(what);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Two first saves at once (e.g. a body's reporting plan): the unique index keeps one, the other is told as for a version.
            return Conflict(what);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067, // SQLITE_CONSTRAINT_UNIQUE
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
