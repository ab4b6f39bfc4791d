using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Users;

public sealed class InviteInput
{
    public string? Email { get; set; }

    /// <summary>An existing person; when empty, a person of <see cref="Name"/> is created with the account.</summary>
    public int? PersonId { get; set; }

    public string? Name { get; set; }
    public bool Administrator { get; set; }

    /// <summary>The bodies whose secretariat the account holds.</summary>
    public List<int> SecretariatOf { get; set; } = [];
}

/// <summary>An administrator invites someone by e-mail: an account for an existing or a new person, its roles, and the invitation mail, in one transaction.</summary>
public sealed class InviteAccount(AppDbContext db, Invitations invitations, UserManager<AppUser> users, RoleManager<IdentityRole> roles) : IUseCase
{
    public async Task<Result<string>> HandleAsync(InviteInput input, CancellationToken ct)
    {
        Person person;
        if (input.PersonId is { } personId)
        {
            if (await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct) is not { } found)
            {
                return new Error("person.not_found", "Personen findes ikke.", nameof(input.PersonId));
            }
            if (await db.Users.AnyAsync(u => u.PersonId == personId, ct))
            {
                return new Error("account.person_has_account", $"{found.Name} har allerede en konto.", nameof(input.PersonId));
            }
            person = found;
        }
        else if (string.IsNullOrWhiteSpace(input.Name))
        {
            return new Error("person.name_required", "Vælg en person, eller skriv navnet på en ny.", nameof(input.Name));
        }
        else
        {
            person = new Person { Name = input.Name.Trim() };
            db.People.Add(person);
        }
        var bodies = input.SecretariatOf.Distinct().ToList();
        if (await db.Bodies.CountAsync(b => bodies.Contains(b.Id), ct) != bodies.Count)
        {
            return new Error("body.not_found", "Et af de valgte udvalg findes ikke.", nameof(input.SecretariatOf));
        }

        // Identity saves the account itself; the transaction makes the account, person, roles and mail one action.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var account = await invitations.NewAccountAsync(person, input.Email ?? "", ct);
        if (!account.IsSuccess)
        {
            return Result<string>.Fail(account.Errors);
        }
        var user = account.Value!;
        db.SecretariatGrants.AddRange(bodies.Select(id => new SecretariatGrant { UserId = user.Id, BodyId = id }));
        if (input.Administrator)
        {
            await Demo.DemoLoader.EnsureRolesAsync(roles);
            var added = await users.AddToRoleAsync(user, Roles.Administrator);
            if (!added.Succeeded)
            {
                return new Error("account.role_refused", string.Join(" ", added.Errors.Select(e => e.Description)));
            }
        }
        var saved = await db.SaveAsync("Kontoen", ct);
        if (!saved.IsSuccess)
        {
            return Result<string>.Fail(saved.Errors);
        }
        await transaction.CommitAsync(ct);
        return $"{person.Name} er inviteret på {user.Email}.";
    }
}
