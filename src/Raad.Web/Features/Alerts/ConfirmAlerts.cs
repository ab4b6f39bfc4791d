using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Alerts;

/// <summary>
/// The second half of the double opt-in: the token from the confirmation mail, sent by the button on
/// <c>/abonnement/bekraeft</c> (not by opening the link, which mail scanners do), confirms the subscription.
/// Confirming twice is fine. Answers the subscription, for the page to name its body and offer the unsubscribe link.
/// </summary>
public sealed class ConfirmAlerts(AppDbContext db, TimeProvider clock) : IUseCase
{
    public const string Invalid = "Linket er ikke gyldigt eller er udløbet. Tilmeld dig igen på udvalgets side.";

    /// <summary>The subscription the link is for, while it holds; the GET page shows its body before the button.</summary>
    public async Task<AlertSubscription?> FindAsync(string? token, CancellationToken ct)
    {
        if (token is not { Length: > 0 and < 200 })
        {
            return null;
        }
        var hash = PublicAlerts.Hash(token);
        var row = await db.AlertSubscriptions.FirstOrDefaultAsync(s => s.ConfirmTokenHash == hash, ct);
        var expired = clock.GetUtcNow().ToUnixTimeMilliseconds() - (long)PublicAlerts.ConfirmFor.TotalMilliseconds;
        return row is null || (row.ConfirmedAtMs is null && row.CreatedAtMs < expired) ? null : row;
    }

    public async Task<Result<AlertSubscription>> HandleAsync(string? token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } row)
        {
            return new Error("alerts.link_invalid", Invalid);
        }
        row.ConfirmedAtMs ??= clock.GetUtcNow().ToUnixTimeMilliseconds();
        return (await db.SaveAsync("Tilmeldingen", ct)).With(row);
    }
}
