using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.Alerts;

/// <summary>
/// The body page's "Få besked på e-mail": the first half of the double opt-in. Mails a confirmation link to the address
/// and subscribes nothing yet. The answer is the same whatever happened (new, already subscribed, waiting for the rate
/// limit), so the form never tells whether an address is subscribed.
/// </summary>
public sealed class SubscribeToAlerts(AppDbContext db, Outbox outbox, TimeProvider clock) : IUseCase
{
    public const string Answer =
        "Tak. Hvis adressen kan tilmeldes, får du om lidt en e-mail med et link. Du er først tilmeldt, når du har åbnet linket og bekræftet.";

    public async Task<Result<string>> HandleAsync(int bodyId, string? email, CancellationToken ct)
    {
        if (PublicAlerts.Normalise(email) is not { } address)
        {
            return new Error("alerts.email_invalid", "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.", "Email");
        }
        var name = await db.Bodies.Where(b => b.Id == bodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return new Error("body.not_found", "Udvalget findes ikke.");
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // Unconfirmed requests whose link has run out are forgotten: nobody asked for them, perhaps not even the address's owner.
        var expired = now - (long)PublicAlerts.ConfirmFor.TotalMilliseconds;
        await db.AlertSubscriptions.Where(s => s.ConfirmedAtMs == null && s.CreatedAtMs < expired).ExecuteDeleteAsync(ct);

        var rows = await db.AlertSubscriptions.Where(s => s.Email == address).ToListAsync(ct);
        // One confirmation mail per address per MailEvery, whichever body: the form cannot flood someone's inbox.
        if (rows.Any(s => s.LastMailAtMs > now - (long)PublicAlerts.MailEvery.TotalMilliseconds))
        {
            return Answer;
        }
        var row = rows.FirstOrDefault(s => s.BodyId == bodyId);
        if (row is { ConfirmedAtMs: not null })
        {
            return Answer; // subscribed already: nothing to send, and nothing said
        }
        var token = PublicAlerts.NewToken();
        if (row is null)
        {
            row = new AlertSubscription { BodyId = bodyId, Email = address, ConfirmTokenHash = "" };
            db.AlertSubscriptions.Add(row);
        }
        // A new link replaces the one before, and holds for ConfirmFor from now.
        row.ConfirmTokenHash = PublicAlerts.Hash(token);
        row.CreatedAtMs = now;
        row.LastMailAtMs = now;
        outbox.Add(PublicAlerts.ConfirmKind, address, $"Bekræft e-mails fra {name}", $"""
            Nogen, forhåbentlig dig, har bedt om e-mails fra Raad, når {name} offentliggør en dagsorden eller et godkendt referat.

            Bekræft tilmeldingen her: {outbox.Link($"/abonnement/bekraeft?kode={token}")}

            Linket gælder i {PublicAlerts.ConfirmFor.TotalDays:0} dage. Har du ikke bedt om det, så gør ingenting: uden din bekræftelse får du ingen e-mails, og adressen slettes.

            """);
        // Two requests at once for the same address: the unique index keeps one, which mails; the answer is the same.
        _ = await db.SaveAsync("Tilmeldingen", ct);
        return Answer;
    }
}
