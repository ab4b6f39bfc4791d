using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Alerts;

/// <summary>
/// Unsubscribes by the token in an alert's link or <c>List-Unsubscribe</c> header: the row is deleted, address and all.
/// A link whose row is gone already unsubscribes nothing and still succeeds, as RFC 8058 wants of a repeated POST.
/// Answers the body's name when there was a subscription.
/// </summary>
public sealed class Unsubscribe(AppDbContext db, PublicAlerts alerts) : IUseCase
{
    public async Task<Result<string?>> HandleAsync(string? token, CancellationToken ct)
    {
        if (await alerts.OfUnsubscribeTokenAsync(token, ct) is not { } row)
        {
            return (string?)null;
        }
        var name = await db.Bodies.Where(b => b.Id == row.BodyId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        db.AlertSubscriptions.Remove(row);
        return (await db.SaveAsync("Afmeldingen", ct)).With(name);
    }
}
