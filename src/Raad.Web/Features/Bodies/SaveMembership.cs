using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies;

public sealed class MembershipInput
{
    public int? PersonId { get; set; }
    public string? NewPersonName { get; set; }
    public string? NewPersonTitle { get; set; }
    public string? NewPersonParty { get; set; }
    public MembershipRole Role { get; set; } = MembershipRole.Member;
    public MemberGroup? Group { get; set; }
    public int? OrganisationId { get; set; }
    public string? NewOrganisationName { get; set; }
    public OrganisationKind NewOrganisationKind { get; set; } = OrganisationKind.Municipality;
    public string? Note { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public int? StandsInForId { get; set; }
    public int Version { get; set; }

    public static MembershipInput Of(Membership m) => new()
    {
        PersonId = m.PersonId,
        Role = m.Role,
        Group = m.Group,
        OrganisationId = m.OrganisationId,
        Note = m.Note,
        From = m.From,
        To = m.To,
        StandsInForId = m.StandsInForId,
        Version = m.Version,
    };
}

/// <summary>Adds or edits a membership, creating the person or organisation in the same transaction when new.</summary>
public sealed class SaveMembership(AppDbContext db) : IUseCase
{
    public async Task<(Result Result, int Id)> HandleAsync(int bodyId, int? membershipId, MembershipInput input, CancellationToken ct)
    {
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
        {
            return (new Error("body.not_found", "Udvalget findes ikke."), 0);
        }
        var v = Membership.Validate(input.Role, input.Group, input.From, input.To, input.StandsInForId, body);
        var newPerson = input.NewPersonName.OrNull();
        v.Require(input.PersonId is not null || newPerson is not null, "membership.person_required", nameof(input.PersonId),
            "Vælg en person, eller skriv navnet på en ny.");
        if (!v.IsValid)
        {
            return (v.ToResult(), 0);
        }

        Membership membership;
        if (membershipId is { } id)
        {
            var existing = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id && m.BodyId == bodyId, ct);
            if (existing is null)
            {
                return (new Error("membership.not_found", "Medlemskabet findes ikke."), 0);
            }
            membership = existing;
            db.ExpectVersion(membership, input.Version);
        }
        else
        {
            membership = new Membership { BodyId = bodyId };
            db.Memberships.Add(membership);
        }

        if (newPerson is not null)
        {
            membership.Person = new Person { Name = newPerson, Title = input.NewPersonTitle.OrNull(), Party = input.NewPersonParty.OrNull() };
        }
        else
        {
            membership.PersonId = input.PersonId!.Value;
        }
        if (input.NewOrganisationName.OrNull() is { } orgName)
        {
            membership.Organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Name == orgName, ct)
                ?? new Organisation { Name = orgName, Kind = input.NewOrganisationKind };
        }
        else
        {
            membership.OrganisationId = input.OrganisationId;
        }
        membership.Role = input.Role;
        membership.Group = input.Group;
        membership.Note = input.Note.OrNull();
        membership.From = input.From;
        membership.To = input.To;
        membership.StandsInForId = input.Role == MembershipRole.Substitute ? input.StandsInForId : null;

        var saved = await db.SaveAsync("Medlemskabet", ct);
        return (saved, membership.Id);
    }

    public async Task<Result> EndAsync(int membershipId, DateOnly lastDay, int version, CancellationToken ct)
    {
        var membership = await db.Memberships.Include(m => m.Body).FirstOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null)
        {
            return new Error("membership.not_found", "Medlemskabet findes ikke.");
        }
        if (lastDay < membership.From)
        {
            return new Error("membership.period_inverted", "Medlemskabet kan ikke slutte, før det begynder.", nameof(Membership.To));
        }
        db.ExpectVersion(membership, version);
        membership.To = lastDay;
        return await db.SaveAsync("Medlemskabet", ct);
    }
}

public sealed record MembershipOptions(
    IReadOnlyList<(int Id, string Name)> People,
    IReadOnlyList<(int Id, string Name)> Organisations,
    IReadOnlyList<(int Id, string Name)> Members);

public sealed class MembershipOptionsQuery(AppDbContext db)
{
    public async Task<MembershipOptions> LoadAsync(int bodyId, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Title }).ToListAsync(ct);
        var orgs = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.BodyId == bodyId && (m.Role == MembershipRole.Member || m.Role == MembershipRole.CoChair))
            .OrderBy(m => m.Person!.Name)
            .Select(m => new { m.Id, m.Person!.Name, m.From, m.To })
            .ToListAsync(ct);
        return new MembershipOptions(
            [.. people.Select(p => (p.Id, p.Title is null ? p.Name : $"{p.Name} ({p.Title})"))],
            [.. orgs.Select(o => (o.Id, o.Name))],
            [.. members.Select(m => (m.Id, $"{m.Name} ({DanishFormat.Date(m.From)}{(m.To is { } t ? " – " + DanishFormat.Date(t) : "")})"))]);
    }
}
