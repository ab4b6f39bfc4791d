using Raad.Domain.Agenda;
using Raad.Domain.Bodies;
using Raad.Domain.Meetings;
using Raad.Domain.People;

namespace Raad.Web.Features.Demo;

/// <summary>
/// The demo in December 2026: the clusters are history, the preparatory council of Amager og Vestegnen meets through
/// 2026, and the council itself has its members and its 2027 plan from 1 January 2027.
/// </summary>
public static partial class DemoCatalog
{
    private static readonly DateOnly PreparatoryStart = new(2026, 1, 1);
    private static readonly DateOnly PreparatoryEnd = new(2026, 12, 31);
    private static readonly DateOnly CouncilStart = new(2027, 1, 1);

    private const string AssumedMembers = "Medlemmerne er en antagelse i demoen: de regionale og kommunale politikere og "
        + "bisidderne fra Politisk Sundhedsklynge Syd pr. 31. december 2025. De endelige udpegninger kendes ikke.";

    /// <summary>The preparatory council (2026) between Syd and the council, and the council's members and 2027 plan.</summary>
    private static (Body Preparatory, List<Meeting> Meetings) BuildAmagerVestegnen(Body syd, Body council)
    {
        var preparatory = new Body
        {
            Name = "Forberedende sundhedsråd Amager og Vestegnen",
            Level = BodyLevel.Political,
            ValidFrom = PreparatoryStart,
            ValidTo = PreparatoryEnd,
            Successor = council,
            Description = "Det forberedende sundhedsråd, der i 2026 forbereder Sundhedsråd Amager og Vestegnen: "
                + "forretningsorden, sundhedsplan og overtagelsen af klyngens indsatser. " + AssumedMembers,
            StandardItems = Body.DefaultTemplate(),
            // The councils' members comment on the items before their meetings (issue 15); the clusters never did.
            AllowsRemarks = true,
        };
        council.Description = $"{council.Description} {AssumedMembers}";
        council.AllowsRemarks = true;

        // Assumption: the seats Syd held at its end carry over, to the preparatory council for 2026 and to the council
        // from its first day; guests and those who had left do not. Københavns Kommune is proposed as the council's
        // observer (000, item 4): the handover from Syd seats it so, not the demo.
        foreach (var seat in syd.Memberships.Where(m => m.IsActiveOn(SydEnd) && m.Role != MembershipRole.Guest))
        {
            preparatory.Memberships.Add(SeatLike(seat, preparatory, PreparatoryStart, PreparatoryEnd));
            if (seat.Organisation?.Name != "Københavns Kommune")
            {
                council.Memberships.Add(SeatLike(seat, council, CouncilStart, null));
            }
        }

        List<Meeting> meetings =
        [
            PreparatoryMeeting(preparatory, new DateOnly(2026, 3, 19), approved: true,
                ("Forretningsorden for sundhedsrådet", "Det forberedende råd godkendte udkastet til forretningsorden med de faldne bemærkninger.")),
            PreparatoryMeeting(preparatory, new DateOnly(2026, 6, 18), approved: true,
                ("Udkast til sundhedsplan 2027-2030", "Udkastet blev drøftet og sendes i høring hos kommunerne og almen praksis.")),
            PreparatoryMeeting(preparatory, new DateOnly(2026, 9, 17), approved: true,
                ("Overdragelse af klyngens indsatser", "Det forberedende råd anbefaler, at sundhedsrådet viderefører de igangværende indsatser.")),
            PreparatoryMeeting(preparatory, new DateOnly(2026, 12, 10), approved: false,
                ("Sundhedsplan 2027-2030 efter høring", null)),
        ];
        meetings.AddRange(CouncilPlan2027(council));
        return (preparatory, meetings);
    }

    private static Membership SeatLike(Membership seat, Body body, DateOnly from, DateOnly? to) => new()
    {
        Body = body,
        Person = seat.Person,
        Role = seat.Role,
        Group = seat.Group,
        Organisation = seat.Organisation,
        Note = seat.Note,
        From = from,
        To = to,
    };

    /// <summary>Assumption: a quarterly meeting of the preparatory council in Hvidovre; the last of 2026 has its agenda out.</summary>
    private static Meeting PreparatoryMeeting(Body preparatory, DateOnly date, bool approved, (string Title, string? Decision) topic)
    {
        var meeting = new Meeting
        {
            Body = preparatory,
            Kind = MeetingKind.Ordinary,
            Date = date,
            Start = new TimeOnly(14, 0),
            End = new TimeOnly(16, 0),
            Location = "Hvidovre Rådhus, Hvidovrevej 278, 2650 Hvidovre",
        };
        // Published ten days before, as Syd's rules asked; approved a fortnight after.
        var published = new DateTimeOffset(date.AddDays(-10).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1));
        Must(approved
            ? meeting.RecordApprovedMinutes(null, published.AddDays(24))
            : meeting.RecordPublishedAgenda(published));
        AddItems(meeting,
            new AgendaItem
            {
                Title = "Godkendelse af dagsorden",
                Kind = ItemKind.Approval,
                DurationMinutes = 5,
                Recommendation = ["at det forberedende sundhedsråd godkender dagsordenen."],
                Decision = approved ? "Dagsordenen blev godkendt." : null,
            },
            new AgendaItem
            {
                Title = topic.Title,
                Kind = ItemKind.Decision,
                DurationMinutes = 45,
                Background = "Det forberedende sundhedsråd forbereder sundhedsrådets start den 1. januar 2027.",
                Recommendation = [$"at det forberedende sundhedsråd drøfter og tager stilling til {topic.Title.ToLowerInvariant()}."],
                Decision = topic.Decision,
            },
            new AgendaItem
            {
                Title = "Eventuelt",
                Kind = ItemKind.AnyOtherBusiness,
                DurationMinutes = 5,
                Decision = approved ? "Intet." : null,
            });
        return meeting;
    }

    /// <summary>Assumption: the council's 2027 plan, five ordinary meetings; the first, its constituent meeting, has a draft agenda.</summary>
    private static IEnumerable<Meeting> CouncilPlan2027(Body council)
    {
        DateOnly[] dates = [new(2027, 1, 28), new(2027, 4, 22), new(2027, 6, 17), new(2027, 9, 23), new(2027, 11, 25)];
        foreach (var date in dates)
        {
            var meeting = new Meeting
            {
                Body = council,
                Kind = MeetingKind.Ordinary,
                Date = date,
                Start = new TimeOnly(14, 0),
                End = new TimeOnly(16, 0),
                Location = "Hvidovre Rådhus, Hvidovrevej 278, 2650 Hvidovre",
            };
            if (date == dates[0])
            {
                Must(meeting.StartAgenda());
                AddItems(meeting,
                    new AgendaItem { Title = "Konstituering: valg af formand og næstformand", Kind = ItemKind.Decision, DurationMinutes = 20 },
                    new AgendaItem { Title = "Forretningsorden for Sundhedsråd Amager og Vestegnen", Kind = ItemKind.Decision, DurationMinutes = 20 },
                    new AgendaItem { Title = "Sundhedsplan 2027-2030", Kind = ItemKind.Decision, DurationMinutes = 45 },
                    new AgendaItem { Title = "Mødeplan for 2027", Kind = ItemKind.Information, DurationMinutes = 10 });
            }
            yield return meeting;
        }
    }
}
