using Microsoft.EntityFrameworkCore;
using Raad.Domain.Common;
using Raad.Domain.People;
using Raad.Web.Data;
using Raad.Web.Features.Users;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Bodies;

/// <summary>What inviting a body would do, person by person, before anything is sent.</summary>
public sealed record BodyInvitePreview(string BodyName, IReadOnlyList<BodyInvitePreview.Line> Lines)
{
    public enum Outcome
    {
        Invited,
        HasAccount,
        NoEmail,
        EmailTaken,
    }

    public sealed record Line(int PersonId, string Name, string Roles, string? Email, Outcome Outcome);

    public IEnumerable<Line> ToInvite => Lines.Where(l => l.Outcome == Outcome.Invited);
}

/// <summary>
/// The secretariat invites every member, substitute, advisor and observer of the body (now or from a later date) who has
/// an e-mail but no account: one invitation each, in one transaction, after a preview of who gets what.
/// </summary>
public sealed class InviteBody(AppDbContext db, Invitations invitations, Microsoft.AspNetCore.Identity.ILookupNormalizer normalizer, TimeProvider clock) : IUseCase
{
    private static readonly MembershipRole[] Invited =
        [MembershipRole.Member, MembershipRole.CoChair, MembershipRole.Substitute, MembershipRole.Advisor, MembershipRole.Observer];

    public async Task<BodyInvitePreview?> PreviewAsync(int bodyId, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
        {
            return null;
        }
        var today = Clock.Today(clock);
        var seats = await db.Memberships.AsNoTracking().Include(m => m.Person)
            .Where(m => m.BodyId == bodyId && (m.To == null || m.To >= today) && Invited.Contains(m.Role))
            .ToListAsync(ct);
        var people = seats.Select(s => s.Person!).DistinctBy(p => p.Id).ToList();
        var ids = people.Select(p => p.Id).ToList();
        var withAccount = (await db.Users.Where(u => u.PersonId != null && ids.Contains(u.PersonId.Value)).Select(u => u.PersonId!.Value).ToListAsync(ct)).ToHashSet();
        var emails = people.Select(p => p.Email is { } e ? normalizer.NormalizeEmail(e.Trim()) : null).OfType<string>().ToList();
        var taken = (await db.Users.Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)).Select(u => u.NormalizedEmail!).ToListAsync(ct)).ToHashSet();
        var lines = people.OrderBy(p => p.Name).Select(p => new BodyInvitePreview.Line(p.Id, p.Name,
            string.Join(", ", seats.Where(s => s.PersonId == p.Id).Select(s => s.Role.Danish()).Distinct()),
            p.Email,
            withAccount.Contains(p.Id) ? BodyInvitePreview.Outcome.HasAccount
            : string.IsNullOrWhiteSpace(p.Email) ? BodyInvitePreview.Outcome.NoEmail
            : taken.Contains(normalizer.NormalizeEmail(p.Email.Trim())) ? BodyInvitePreview.Outcome.EmailTaken
            : BodyInvitePreview.Outcome.Invited)).ToList();
        return new BodyInvitePreview(body.Name, lines);
    }

    /// <param name="expected">The people the preview showed as invited: if that changed since, nothing is sent and the new preview is shown.</param>
    public async Task<Result<string>> HandleAsync(int bodyId, IReadOnlyCollection<int> expected, CancellationToken ct)
    {
        var preview = await PreviewAsync(bodyId, ct);
        if (preview is null)
        {
            return new Error("body.not_found", "Udvalget findes ikke.");
        }
        var invite = preview.ToInvite.Select(l => l.PersonId).ToList();
        if (!invite.Order().SequenceEqual(expected.Order()))
        {
            return new Error(ErrorMapping.ConflictCode, "Listen har ændret sig, siden du så den. Se den nye liste, og send igen.");
        }
        if (invite.Count == 0)
        {
            return new Error("invite.nobody", "Der er ingen at invitere: alle med e-mail har allerede en konto.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var people = await db.People.Where(p => invite.Contains(p.Id)).ToListAsync(ct);
        foreach (var person in people)
        {
            var account = await invitations.NewAccountAsync(person, person.Email!, ct);
            if (!account.IsSuccess)
            {
                return Result<string>.Fail([.. account.Errors.Select(e => e with { Message = $"{person.Name}: {e.Message}" })]);
            }
        }
        var saved = await db.SaveAsync("Invitationerne", ct);
        if (!saved.IsSuccess)
        {
            return Result<string>.Fail(saved.Errors);
        }
        await transaction.CommitAsync(ct);
        return people.Count == 1 ? $"1 invitation er sendt til {preview.BodyName}." : $"{people.Count} invitationer er sendt til {preview.BodyName}.";
    }
}
