using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Meetings;
using Raad.Web.Features.People;
using Raad.Web.Features.Procedure;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Meetings;

[AllowAnonymous]
[Edits(BodyFrom.Meeting)]
public class DetailsModel(MeetingQuery query, Procedure.ComplianceQuery compliance, Data.AppDbContext db, ViewerAccessor viewers, TimeProvider clock) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public IReadOnlyList<Domain.Procedure.Finding> Findings { get; private set; } = [];

    /// <summary>Members' requests for items on this meeting, with how they stand against the deadline (secretariat only).</summary>
    public List<(Domain.Procedure.ItemRequest Request, Domain.Procedure.Finding? Late)> Requests { get; private set; } = [];

    /// <summary>The mails about the meeting, for its secretariat: to whom, and whether the mail server took them.</summary>
    public List<Infrastructure.Mail.OutboxMessage> Mails { get; private set; } = [];

    /// <summary>The dates the rules of procedure in force set around this meeting.</summary>
    public IReadOnlyList<Domain.Procedure.Deadline> Deadlines { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public Dictionary<int, List<ItemRequests.ItemRequestFiles.FileLink>> RequestFiles { get; private set; } = [];

    /// <summary>The original files the meeting was imported from (secretariat only).</summary>
    public List<(int Id, string FileName)> Sources { get; private set; } = [];

    /// <summary>The signed-in member's own seat on the meeting's date, so they can declare themselves disqualified.</summary>
    public int? OwnSeatId { get; private set; }

    /// <summary>A member of the body may ask for an item while the agenda is being prepared.</summary>
    public bool MayRequestItem { get; private set; }

    /// <summary>Why publishing the agenda today needs a reason (too short notice under the rules), or null; the form asks for it.</summary>
    public Domain.Common.Error? LateAgendaReason { get; private set; }

    /// <summary>The reason typed before a refused step, kept in the form.</summary>
    public string? Reason { get; private set; }

    public string? ReasonError => ModelState.ErrorFor("Input.Reason");

    /// <summary>The remarks within the body, per item id, for those who may read them (Features/Remarks); empty for anyone else.</summary>
    public IReadOnlyDictionary<int, Remarks.ItemRemarks> Remarks { get; private set; } = new Dictionary<int, Remarks.ItemRemarks>();

    /// <summary>A refused remark's text, shown again in its form.</summary>
    private Remarks.RemarkDraft? remarkDraft;

    [Needs(Permission.Public)]
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await query.GetAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Today = Clock.Today(clock);
        var rules = await db.RulesInForceAsync(view.Body.Id, view.Meeting.Date, ct);
        if (rules is not null && !view.Meeting.IsCancelled)
        {
            Deadlines = Domain.Procedure.Deadlines.For(rules, view.Meeting.Date, view.Meeting.LatestMinutesVersion?.ObjectionsDue);
        }
        LateAgendaReason = Domain.Procedure.Compliance.LateAgendaReasonRequired(rules, view.Meeting.Date, view.Meeting.Kind, Today);
        var viewer = await viewers.GetAsync(ct);
        if (viewer.PersonId is { } personId && view.Meeting.Status is not (MeetingStatus.MinutesApproved or MeetingStatus.Cancelled))
        {
            OwnSeatId = await db.VotingSeatOfAsync(view.Body.Id, personId, view.Meeting.Date, ct);
        }
        Remarks = await Features.Remarks.RemarkThreads.ForMeetingAsync(db, viewer.Facts, view, Today, remarkDraft, ct);
        MayRequestItem = viewer.IsMemberOn(view.Body.Id, view.Meeting.Date)
            && view.Meeting.Status is MeetingStatus.Planned or MeetingStatus.AgendaDraft;
        if (view.IsInsider)
        {
            var judged = await compliance.ForMeetingAsync(id, ct);
            Findings = judged?.Findings ?? [];
            if (view.CanEdit)
            {
                var requests = await db.ItemRequests.AsNoTracking().Include(r => r.Person)
                    .Where(r => r.MeetingId == id).OrderBy(r => r.Id).ToListAsync(ct);
                Requests = [.. requests.Select(r => (r, judged?.Rules is { } rules
                    ? Domain.Procedure.ItemRequest.Timeliness(rules, view.Meeting.Date, Clock.ToLocalDate(r.ReceivedAt))
                    : null))];
                RequestFiles = await ItemRequests.ItemRequestFiles.ForAsync(db, [.. requests.Select(r => r.Id)], ct);
                Mails = await db.Outbox.AsNoTracking().Where(m => m.MeetingId == id).OrderBy(m => m.Id)
                    .Select(m => new Infrastructure.Mail.OutboxMessage
                    {
                        Id = m.Id,
                        Kind = m.Kind,
                        To = m.To,
                        Subject = m.Subject,
                        Body = "",
                        CreatedAt = m.CreatedAt,
                        SentAt = m.SentAt,
                        Attempts = m.Attempts,
                        LastError = m.LastError,
                        PersonId = m.PersonId,
                    })
                    .ToListAsync(ct);
                Sources = await db.ImportedDocuments.AsNoTracking()
                    .Where(d => d.MeetingId == id && d.Status == Import.ImportStatus.Imported)
                    .OrderBy(d => d.Id).Select(d => new ValueTuple<int, string>(d.Id, d.FileName)).ToListAsync(ct);
            }
        }
        return Page();
    }

    /// <summary>The meeting's next step, each its own use case; the form names the status it leads to.</summary>
    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostStatusAsync(int id, MeetingStatus target, int version, string? reason, CancellationToken ct)
    {
        T UseCase<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
        var result = target switch
        {
            MeetingStatus.AgendaDraft => await UseCase<StartAgenda>().HandleAsync(id, version, ct),
            MeetingStatus.AgendaPublished => await UseCase<PublishAgenda>().HandleAsync(id, version, reason, ct),
            MeetingStatus.Held => await UseCase<MarkMeetingHeld>().HandleAsync(id, version, ct),
            MeetingStatus.MinutesDraft => await UseCase<Minutes.StartMinutes>().HandleAsync(id, version, ct),
            MeetingStatus.Cancelled => await UseCase<CancelMeeting>().HandleAsync(id, version, reason, ct),
            // § 3, stk. 5: how and when the committee approved the minutes is recorded with the approval (Minutes/ApproveMinutes).
            MeetingStatus.MinutesApproved => new Domain.Common.Error("minutes.approve_on_approval_page",
                "Referatet godkendes under \"Godkendelse af referat\", hvor det registreres, hvordan og hvornår udvalget godkendte det."),
            _ => new Domain.Common.Error("meeting.use_named_step",
                $"Status \"{target.Danish()}\" sættes kun ved at udsende dagsordenen, udsende eller godkende referatet eller aflyse mødet."),
        };
        Reason = reason;
        if (ModelState.AddErrors(result))
        {
            TempData["Message"] = target switch
            {
                MeetingStatus.AgendaPublished => "Dagsordenen er udsendt, og punkterne er nummereret.",
                MeetingStatus.Cancelled => "Mødet er aflyst.",
                _ => $"Mødet har nu status \"{target.Danish()}\".",
            };
            return Redirect($"/moeder/{id}");
        }
        return await OnGetAsync(id, ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostAcceptRequestAsync(int id, int requestId, int version,
        [FromServices] ItemRequests.AcceptItemRequest accept, CancellationToken ct)
    {
        if (ModelState.AddErrors(await accept.HandleAsync(requestId, version, ct)))
        {
            TempData["Message"] = "Ønsket er optaget på dagsordenen som et nyt punkt.";
            return Redirect($"/moeder/{id}");
        }
        return await OnGetAsync(id, ct);
    }

    [Needs(Permission.Edit)]
    public async Task<IActionResult> OnPostDeclineRequestAsync(int id, int requestId, int version, string? reason,
        [FromServices] ItemRequests.DeclineItemRequest decline, CancellationToken ct)
    {
        if (ModelState.AddErrors(await decline.HandleAsync(requestId, version, reason, ct)))
        {
            TempData["Message"] = "Ønsket er afvist; medlemmet kan se begrundelsen.";
            return Redirect($"/moeder/{id}");
        }
        return await OnGetAsync(id, ct);
    }

    /// <summary>A member declares themselves disqualified for an item (the use case refuses anyone else's seat).</summary>
    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostDisqualifyMeAsync(int id, int itemId, int membershipId, string? reason,
        [FromServices] Minutes.DeclareDisqualification declare, CancellationToken ct)
    {
        if (ModelState.AddErrors(await declare.HandleAsync(itemId, membershipId, reason, ct), "Disqualification"))
        {
            TempData["Message"] = "Du er registreret som inhabil i punktet og tæller ikke med i dets beslutningsdygtighed.";
            return Redirect($"/moeder/{id}");
        }
        return await OnGetAsync(id, ct);
    }

    /// <summary>A remark on an item, starting a thread or answering one (<c>threadId</c>); the use case decides who may.</summary>
    [Needs(Permission.SignedIn)]
    public async Task<IActionResult> OnPostRemarkAsync(int id, int itemId, int? threadId, string? text,
        [FromServices] Remarks.WriteRemark write, CancellationToken ct)
    {
        var result = await write.HandleAsync(id, itemId, threadId, text, ct);
        if (result.Errors.Any(e => e.Code == Features.Remarks.WriteRemark.NotFound))
        {
            return NotFound();
        }
        if (ModelState.AddErrors(result, "Remark"))
        {
            TempData["Message"] = "Din bemærkning er gemt.";
            return Redirect($"/moeder/{id}#bemaerkninger-{itemId}");
        }
        remarkDraft = new(itemId, threadId, text, result.Errors[0].Message);
        return await OnGetAsync(id, ct);
    }

    public static string ActionText(MeetingStatus from, MeetingStatus to) => (from, to) switch
    {
        (_, MeetingStatus.AgendaDraft) when from == MeetingStatus.AgendaPublished => "Træk dagsordenen tilbage til kladde",
        (_, MeetingStatus.AgendaDraft) => "Påbegynd dagsorden",
        (_, MeetingStatus.AgendaPublished) => "Udsend dagsorden",
        (_, MeetingStatus.Held) => "Marker mødet som afholdt",
        (MeetingStatus.MinutesCirculated, MeetingStatus.MinutesDraft) => "Revidér referatet",
        (_, MeetingStatus.MinutesDraft) => "Påbegynd referat",
        (_, MeetingStatus.MinutesApproved) => "Godkend referat",
        _ => to.Danish(),
    };
}
