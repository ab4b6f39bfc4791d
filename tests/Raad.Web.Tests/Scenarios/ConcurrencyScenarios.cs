using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Two editors at once: a save over someone else's newer save is refused and shows what is saved, without losing
/// what the second person typed. One user action is one transaction: a refused action leaves nothing behind.
/// </summary>
public abstract class ConcurrencyScenarios(RaadApp app)
{
    private const string Body = "Samtidighedsudvalget (test)";
    private const string Conflict = "er blevet ændret af en anden";

    [Fact]
    public async Task Second_editor_who_saves_an_item_from_an_older_version_is_shown_the_saved_one_and_may_then_overwrite_it()
    {
        using var first = await app.SignInAs(Role.Secretariat);
        using var second = await app.SignInAs(Role.Administrator);
        var body = await first.EnsureBody(Body, "2026-01-01");
        var planned = await first.PlanMeeting(body, new MeetingPlan("2026-12-01", "14:00", "16:00"));
        Assert.Equal(HttpStatusCode.Redirect, planned.Status);
        var meeting = await first.MeetingId(body, "2026-12-01");
        await first.AddItem(meeting, "Oprindelig titel");
        var item = await first.ItemId(meeting, "Oprindelig titel");
        var firstForm = await first.Open($"/punkter/{item}/rediger");
        var secondForm = await second.Open($"/punkter/{item}/rediger");

        var firstSave = await first.Submit(firstForm, new() { ["Input.Title"] = "Den første redaktørs titel" });
        var secondSave = await second.Submit(secondForm, new() { ["Input.Title"] = "Den anden redaktørs titel" });

        Assert.Equal(HttpStatusCode.Redirect, firstSave.Status);
        Assert.Equal(HttpStatusCode.OK, secondSave.Status);
        Assert.Contains(Conflict, secondSave.Text("[role=alert]"));
        Assert.Contains("Den gemte version", secondSave.Text("#saved-heading"));
        Assert.Contains("Den første redaktørs titel", secondSave.Text("section[aria-labelledby='saved-heading'] dd"));
        Assert.Equal("Den anden redaktørs titel", secondSave.Value("Input.Title"));
        Assert.Contains("Den første redaktørs titel", await first.ItemTitles(meeting));
        Assert.DoesNotContain("Den anden redaktørs titel", await first.ItemTitles(meeting));

        var overwrite = await second.Submit(secondSave, new() { ["Input.Title"] = "Den anden redaktørs titel" });

        Assert.True(overwrite.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)overwrite.Status}): {overwrite.Text("[role=alert]")}");
        Assert.Contains("Den anden redaktørs titel", await first.ItemTitles(meeting));
        Assert.DoesNotContain("Den første redaktørs titel", await first.ItemTitles(meeting));
    }

    [Fact]
    public async Task Second_editor_who_saves_a_membership_from_an_older_version_is_refused_and_keeps_their_input()
    {
        using var first = await app.SignInAs(Role.Secretariat);
        using var second = await app.SignInAs(Role.Administrator);
        var body = await first.EnsureBody(Body, "2026-01-01");
        var membership = await NewMember(first, body, "Freja Samtidig");
        var firstForm = await first.Open($"/medlemskaber/{membership}/rediger");
        var secondForm = await second.Open($"/medlemskaber/{membership}/rediger");

        var firstSave = await first.Submit(firstForm, new() { ["Input.Note"] = "Første bemærkning" });
        var secondSave = await second.Submit(secondForm, new() { ["Input.Note"] = "Anden bemærkning" });

        Assert.Equal(HttpStatusCode.Redirect, firstSave.Status);
        Assert.Equal(HttpStatusCode.OK, secondSave.Status);
        Assert.Contains(Conflict, secondSave.Text("[role=alert]"));
        Assert.Equal("Anden bemærkning", secondSave.Value("Input.Note"));
        Assert.Equal("Første bemærkning", await Note(first, body, membership));

        var overwrite = await second.Submit(secondSave, new() { ["Input.Note"] = "Anden bemærkning" });

        Assert.True(overwrite.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)overwrite.Status}): {overwrite.Text("[role=alert]")}");
        Assert.Equal("Anden bemærkning", await Note(first, body, membership));
    }

    [Fact]
    public async Task Second_editor_of_a_membership_is_shown_the_saved_version_beside_their_own_input()
    {
        using var first = await app.SignInAs(Role.Secretariat);
        using var second = await app.SignInAs(Role.Administrator);
        var body = await first.EnsureBody(Body, "2026-01-01");
        var membership = await NewMember(first, body, "Ida Samtidig");
        var firstForm = await first.Open($"/medlemskaber/{membership}/rediger");
        var secondForm = await second.Open($"/medlemskaber/{membership}/rediger");

        await first.Submit(firstForm, new() { ["Input.Note"] = "Første bemærkning" });
        var secondSave = await second.Submit(secondForm, new() { ["Input.Note"] = "Anden bemærkning" });

        // The message says "Se den gemte version nedenfor", as on the item page (docs/architecture.md, Concurrency).
        Assert.Contains("Se den gemte version nedenfor", secondSave.Text("[role=alert]"));
        Assert.Contains("Den gemte version", secondSave.Document.Body!.TextContent);
        Assert.Contains("Første bemærkning", secondSave.Document.Body!.TextContent);
        Assert.Equal("Anden bemærkning", secondSave.Value("Input.Note"));
    }

    [Fact]
    public async Task Second_editor_whose_refused_membership_save_named_a_new_organisation_leaves_no_organisation_behind()
    {
        using var first = await app.SignInAs(Role.Secretariat);
        using var second = await app.SignInAs(Role.Administrator);
        var body = await first.EnsureBody(Body, "2026-01-01");
        var membership = await NewMember(first, body, "Gorm Samtidig");
        var firstForm = await first.Open($"/medlemskaber/{membership}/rediger");
        var secondForm = await second.Open($"/medlemskaber/{membership}/rediger");
        var organisations = await Count(db => db.Organisations);

        await first.Submit(firstForm, new() { ["Input.Note"] = "Første bemærkning" });
        var secondSave = await second.Submit(secondForm, new() { ["Input.NewOrganisationName"] = "Organisation fra en afvist gemning" });

        // The new organisation and the membership's change are one save: the refused change takes the organisation with it.
        Assert.Contains(Conflict, secondSave.Text("[role=alert]"));
        Assert.Equal(organisations, await Count(db => db.Organisations));
        Assert.DoesNotContain("Organisation fra en afvist gemning",
            (await first.Open($"/udvalg/{body}/medlemskaber/nyt")).Text("select[name='Input.OrganisationId'] option"));
    }

    [Fact]
    public async Task Secretariat_who_adds_a_new_person_with_a_period_that_ends_before_it_begins_creates_neither_person_nor_membership()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody(Body, "2026-01-01");
        var people = await Count(db => db.People);
        var organisations = await Count(db => db.Organisations);
        var members = (await secretariat.Members(body)).Length;

        var result = await secretariat.AddMembership(body, new()
        {
            ["Input.NewPersonName"] = "Hans Uden Periode",
            ["Input.NewPersonTitle"] = "borgmester",
            ["Input.Role"] = "Member",
            ["Input.Group"] = "Municipal",
            ["Input.NewOrganisationName"] = "Kommune uden periode",
            ["Input.From"] = "2026-05-01",
            ["Input.To"] = "2026-04-01",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Medlemskabet kan ikke slutte, før det begynder.", result.Text("[role=alert]"));
        Assert.Equal("Hans Uden Periode", result.Value("Input.NewPersonName"));
        Assert.Equal(people, await Count(db => db.People));
        Assert.Equal(organisations, await Count(db => db.Organisations));
        Assert.Equal(members, (await secretariat.Members(body)).Length);
        Assert.DoesNotContain("Hans Uden Periode",
            (await secretariat.Open($"/udvalg/{body}/medlemskaber/nyt")).Text("select[name='Input.PersonId'] option"));
    }

    /// <summary>Adds the person as a new member of the body through the form; returns the membership's id.</summary>
    private static async Task<int> NewMember(Visitor secretariat, int body, string name)
    {
        var added = await secretariat.AddMembership(body, new()
        {
            ["Input.NewPersonName"] = name,
            ["Input.Role"] = "Member",
            ["Input.Group"] = "Regional",
            ["Input.From"] = "2026-01-01",
        });
        Assert.True(added.Status == HttpStatusCode.Redirect, $"Ikke gemt ({(int)added.Status}): {added.Text("[role=alert]")}");
        return await secretariat.MembershipId(body, name);
    }

    private static async Task<string?> Note(Visitor visitor, int body, int membership) =>
        (await visitor.Members(body)).Single(m => m.GetProperty("membershipId").GetInt32() == membership).GetProperty("note").GetString();

    /// <summary>Counts rows straight in the database, for what the pages do not count.</summary>
    private async Task<int> Count<T>(Func<AppDbContext, IQueryable<T>> rows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await rows(scope.ServiceProvider.GetRequiredService<AppDbContext>()).CountAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class ConcurrencyOnSqlite(SqliteApp app) : ConcurrencyScenarios(app), IClassFixture<SqliteApp>;

public sealed class ConcurrencyOnPostgres(PostgresApp app) : ConcurrencyScenarios(app), IClassFixture<PostgresApp>;
