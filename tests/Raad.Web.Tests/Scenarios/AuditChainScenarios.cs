using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Infrastructure.Audit;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// The audit log's chain: the database refuses UPDATE and DELETE; someone with the owner's rights who drops the
/// triggers and changes or removes a row is caught by <c>raad audit verify</c>, which names the first broken entry.
/// Its own class (and database): the test breaks the chain on purpose.
/// </summary>
public abstract class AuditChainScenarios(RaadApp app)
{
    protected abstract string DropTriggers { get; }

    [Fact]
    public async Task Raad_audit_verify_holds_until_a_row_is_changed_or_removed_with_sql_and_then_names_the_first_broken_entry()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        var body = await secretariat.EnsureBody("Revisionsudvalget for kæden (test)", "2026-01-01");
        var date = ProcedureTestBodies.Iso(app.Clock.Today.AddDays(125));
        var planned = await secretariat.PlanMeeting(body, new MeetingPlan(date, "10:00", "12:00"));
        Assert.Equal(HttpStatusCode.Redirect, planned.Status);
        var meeting = await secretariat.MeetingId(body, date);
        await secretariat.AddItem(meeting, "Punkt i kæden");
        var item = await secretariat.ItemId(meeting, "Punkt i kæden");
        var target = await EntryAsync(e => e.EntityType == "AgendaItem" && e.EntityId == $"{item}" && e.Act == AuditAct.Created);
        var last = await EntryAsync(e => true, newest: true);
        Assert.True(last.Id > target.Id + 1, "Posten skal ligge midt i kæden.");

        var holds = await VerifyAsync();
        Assert.True(holds.Code == 0, holds.Err);
        Assert.Contains($"Revisionssporet holder: {last.Id} poster kontrolleret.", holds.Out, StringComparison.Ordinal);

        // The database itself refuses to change or delete an entry.
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Label\" = 'Forfalsket' WHERE \"Id\" = {target.Id}"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {target.Id}"));
        Assert.Equal("Punkt i kæden", (await EntryAsync(e => e.Id == target.Id)).Label);

        // Someone with the owner's rights drops the triggers and changes a value.
        await ExecuteAsync(DropTriggers);
        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Label\" = 'Forfalsket' WHERE \"Id\" = {target.Id}");
        var changed = await VerifyAsync();
        Assert.Equal(1, changed.Code);
        Assert.Contains($"brudt ved post {target.Id} ({AuditLabels.Instant(target.At)}, oprettet Dagsordenspunkt {item} \"Forfalsket\")", changed.Err, StringComparison.Ordinal);
        Assert.Contains("dens indhold passer ikke til dens hash", changed.Err, StringComparison.Ordinal);

        // Sealing the changed entry anew does not help: the next one names the old hash.
        var forged = await EntryAsync(e => e.Id == target.Id);
        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Hash\" = '{forged.ComputeHash()}' WHERE \"Id\" = {target.Id}");
        var resealed = await VerifyAsync();
        Assert.Equal(1, resealed.Code);
        Assert.Contains($"brudt ved post {target.Id + 1} (", resealed.Err, StringComparison.Ordinal);
        Assert.Contains("den peger ikke på den forrige posts hash", resealed.Err, StringComparison.Ordinal);

        // Put back as it was, the chain holds again; a row removed from the middle breaks it at the next.
        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Label\" = 'Punkt i kæden', \"Hash\" = '{target.Hash}' WHERE \"Id\" = {target.Id}");
        Assert.Equal(0, (await VerifyAsync()).Code);
        await ExecuteAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {target.Id}");
        var removed = await VerifyAsync();
        Assert.Equal(1, removed.Code);
        Assert.Contains($"brudt ved post {target.Id + 1} (", removed.Err, StringComparison.Ordinal);
        Assert.Contains($"post {target.Id} mangler foran den", removed.Err, StringComparison.Ordinal);
        Assert.Contains($"{target.Id - 1} poster før den holder", removed.Err, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Out, string Err)> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var provider = db.Database.IsNpgsql() ? "Postgres" : "Sqlite";
        return await CommandLineTests.Raad("", "audit", "verify",
            $"--Raad:Database:Provider={provider}", $"--Raad:Database:ConnectionString={db.Database.GetConnectionString()}");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }

    private async Task<AuditEntry> EntryAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> match, bool newest = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var entries = scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().Where(match);
        return await (newest ? entries.OrderByDescending(e => e.Id) : entries.OrderBy(e => e.Id)).FirstAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class AuditChainOnSqlite(SqliteApp app) : AuditChainScenarios(app), IClassFixture<SqliteApp>
{
    protected override string DropTriggers => "DROP TRIGGER \"AuditEntries_refuse_update\"; DROP TRIGGER \"AuditEntries_refuse_delete\";";
}

public sealed class AuditChainOnPostgres(PostgresApp app) : AuditChainScenarios(app), IClassFixture<PostgresApp>
{
    protected override string DropTriggers => "DROP TRIGGER \"AuditEntries_refuse_change\" ON \"AuditEntries\";";
}
