using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.People;

/// <summary>Corrects a person's name, title, party or e-mail, against the version the form showed.</summary>
public sealed class CorrectPerson(AppDbContext db) : IUseCase
{
    public const string NotFoundCode = "person.not_found";

    public async Task<Result<int>> HandleAsync(int personId, string? name, string? title, string? party, string? email, int version, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return new Error(NotFoundCode, "Personen findes ikke.");
        }
        var corrected = person.Correct(name, title, party, email);
        if (!corrected.IsSuccess)
        {
            return corrected.With(personId);
        }
        db.ExpectVersion(person, version);
        return (await db.SaveAsync("Personen", ct)).With(personId);
    }
}
