using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Mail;

/// <summary>
/// A person chooses which of Raad's mails he gets, from the link in any of them or signed in on "Mine indstillinger";
/// what the rules require stays on.
/// </summary>
public sealed class ChooseMail(AppDbContext db, Outbox outbox, ViewerAccessor viewers) : IUseCase
{
    public const string Invalid = "Linket er ikke gyldigt. Brug linket nederst i en e-mail fra Raad.";

    public async Task<Result<string>> HandleAsync(string? token, IReadOnlyCollection<string> wanted, CancellationToken ct)
    {
        if (outbox.PersonOfChoices(token) is not { } personId || !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return new Error("mail.choices_invalid", Invalid);
        }
        return await ChooseAsync(personId, wanted, ct);
    }

    /// <summary>The signed-in person's own choices.</summary>
    public async Task<Result<string>> HandleForMeAsync(IReadOnlyCollection<string> wanted, CancellationToken ct)
    {
        if ((await viewers.GetAsync(ct)).PersonId is not { } personId)
        {
            return new Error("mail.no_person", "Din konto er ikke knyttet til en person i Raad, så der er ingen e-mails at vælge.");
        }
        return await ChooseAsync(personId, wanted, ct);
    }

    private async Task<Result<string>> ChooseAsync(int personId, IReadOnlyCollection<string> wanted, CancellationToken ct)
    {
        var existing = await db.MailOptOuts.Where(o => o.PersonId == personId).ToListAsync(ct);
        var off = MailKinds.Optional.Where(k => !wanted.Contains(k)).ToHashSet();
        db.MailOptOuts.RemoveRange(existing.Where(o => !off.Contains(o.Kind)));
        db.MailOptOuts.AddRange(off.Where(k => existing.All(o => o.Kind != k)).Select(k => new MailOptOut { PersonId = personId, Kind = k }));
        return (await db.SaveAsync("Dine valg", ct)).With("Dine valg er gemt.");
    }
}
