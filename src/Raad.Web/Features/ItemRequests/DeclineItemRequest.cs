using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raad.Domain.Agenda;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Procedure;
using Raad.Web.Data;
using Raad.Web.Features.Agenda;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Mail;

namespace Raad.Web.Features.ItemRequests;

/// <summary>The secretariat declines a requested item with a reason the member sees, and tells the member. Answers the request's id.</summary>
public sealed class DeclineItemRequest(AppDbContext db, Outbox outbox, TimeProvider clock) : IUseCase
{
    public async Task<Result<int>> HandleAsync(int requestId, int version, string? reason, CancellationToken ct)
    {
        var request = await db.ItemRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return new Error("item_request.not_found", "Ønsket findes ikke.");
        }
        db.ExpectVersion(request, version);
        var declined = request.Decline(reason, clock.GetUtcNow());
        if (!declined.IsSuccess)
        {
            return declined.With(request.Id);
        }
        await ItemRequestMail.TellMemberAsync(db, outbox, request, "Dit ønske er afvist", $"Sekretariatet har afvist ønsket med denne begrundelse: {request.DeclineReason}", ct);
        return (await db.SaveAsync("Ønsket", ct)).With(request.Id);
    }
}
