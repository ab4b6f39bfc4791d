using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.People;

/// <summary>Corrects a person's name, title, party or e-mail, against the version the form showed.</summary>
public sealed class CorrectPerson(AppDbContext db, Microsoft.AspNetCore.Identity.ILookupNormalizer normalizer) : IUseCase
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
        // One e-mail, one truth: the person's address is his account's too, the one he signs in and gets mail with.
        if (await db.Users.FirstOrDefaultAsync(u => u.PersonId == personId, ct) is { } account && account.Email != person.Email)
        {
            if (person.Email is not { } address)
            {
                return new Error("person.email_required", "Personen har en konto og skal have en e-mailadresse.", "Email");
            }
            if (!Users.MailAddressCheck.IsValid(address))
            {
                return new Error("account.email_invalid", $"\"{address}\" er ikke en gyldig e-mailadresse.", "Email");
            }
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizer.NormalizeEmail(address) && u.Id != account.Id, ct))
            {
                return new Error("account.email_taken", $"Der findes allerede en konto med e-mailadressen {address}.", "Email");
            }
            account.Email = account.UserName = address;
            account.NormalizedEmail = normalizer.NormalizeEmail(address);
            account.NormalizedUserName = normalizer.NormalizeName(address);
            account.DisplayName = person.Name;
        }
        return (await db.SaveAsync("Personen", ct)).With(personId);
    }
}
