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
    public async Task<Result<int>> HandleAsync(int bodyId, int? membershipId, MembershipInput input, CancellationToken ct)
    {
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
        {
            return new Error("body.not_found", "Udvalget findes ikke.");
        }
        var v = Membership.Validate(input.Role, input.Group, input.From, input.To, input.StandsInForId, body);
        var newPerson = input.NewPersonName.OrNull();
        v.Require(input.PersonId is not null || newPerson is not null, "membership.person_required", nameof(input.PersonId),
            "Vælg en person, eller skriv navnet på en ny.");
        if (!v.IsValid)
        {
            return Result<int>.Fail(v.Errors);
        }

        Membership membership;
        if (membershipId is { } id)
        {
            var existing = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id && m.BodyId == bodyId, ct);
            if (existing is null)
            {
                return new Error("membership.not_found", "Medlemskabet findes ikke.");
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
        return saved.With(membership.Id);
    }
}
