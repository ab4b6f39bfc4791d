using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Features.Account;
using Raad.Web.Features.Demo;
using Raad.Web.Features.Import;
using Raad.Web.Infrastructure;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// `raad import` on an empty database: the five seeds become the demo's meetings with their decisions, the annexes a
/// draft of the rules of procedure, and importing them again changes nothing.
/// </summary>
public abstract class ImportCliScenarios(RaadApp app)
{
    public static string Seed(string prefix) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), $"{prefix}_*.txt").Single();

    private static readonly string[] Seeds = [.. new[] { "000", "001", "002", "003", "004" }.Select(Seed)];

    private async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ImportCli.RunAsync(args, app.Services, stdout, stderr, terminal: false);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_five_seeds_imported_into_an_empty_database_are_the_demos_meetings_with_their_decisions_and_twice_changes_nothing()
    {
        var first = await Cli([.. Seeds, "--json"]);

        Assert.True(first.Code == 0, first.Err);
        var files = JsonDocument.Parse(first.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(["agenda", "minutes", "agenda", "minutes", "annexes"], files.Select(f => f.GetProperty("kind").GetString()));
        Assert.All(files, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("error").ValueKind));
        var meetings = files.Take(4).Select(f => f.GetProperty("meeting")).ToList();
        Assert.Equal(["2025-08-27", "2023-01-18", "2023-04-26", "2025-10-29"], meetings.Select(m => m.GetProperty("date").GetString()));
        Assert.Equal(["Politisk Sundhedsklynge Syd", "Politisk Sundhedsklynge Syd", "Politisk Sundhedsklynge Syd", "HOL Sundhedsklynge Politisk Forum"],
            meetings.Select(m => m.GetProperty("body").GetString()));
        Assert.Equal([6, 9, 3, 5], meetings.Select(m => m.GetProperty("items").GetArrayLength()));
        Assert.Contains("forretningsorden", files[4].GetProperty("result").GetString(), StringComparison.OrdinalIgnoreCase);

        // Opened in the UI by the secretariat: the minutes carry the decisions the file had.
        var account = DemoLoader.Accounts.First(a => a.Role == Roles.Secretariat);
        Assert.True((await CreateAccount.RunAsync(app.Services, account.Email, "sekretariat", DemoLoader.Password)).IsSuccess);
        using var secretariat = await app.SignInAs(Role.Secretariat);
        foreach (var (meeting, file) in meetings.Zip(files))
        {
            var id = meeting.GetProperty("id").GetInt32();
            var page = await secretariat.Open($"/moeder/{id}");
            Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
            var decisions = meeting.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("decision").GetString()).OfType<string>().ToList();
            var api = (await secretariat.GetJson($"/api/meetings/{id}")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("decision").GetString()).OfType<string>().ToList();
            Assert.Equal(decisions, api);
            Assert.Equal(file.GetProperty("kind").GetString() == "minutes", decisions.Count > 0);
            var minutes = await secretariat.Open($"/moeder/{id}/referat");
            foreach (var decision in decisions)
            {
                Assert.Contains(decision.Split('\n')[0].Trim(), minutes.Text("main"), StringComparison.Ordinal);
            }
            Assert.Contains(Path.GetFileName(file.GetProperty("file").GetString()!), page.Text("main"), StringComparison.Ordinal);
        }
        var syd = meetings[0].GetProperty("bodyId").GetInt32();
        Assert.Contains("udkast", (await secretariat.Open($"/udvalg/{syd}/forretningsorden")).Text("main"), StringComparison.Ordinal);

        var before = await CountsAsync();
        var again = await Cli(Seeds);

        Assert.True(again.Code == 0, again.Err);
        Assert.Equal(5, again.Out.Split('\n').Count(l => l.Contains("allerede importeret", StringComparison.Ordinal)));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_dry_run_saves_nothing_and_a_file_that_cannot_be_read_fails_with_a_line_saying_why()
    {
        var garbage = Path.Combine(Path.GetTempPath(), $"raad-garbage-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(garbage, [0x00, 0xFF, 0x13, 0x37, 0x00, 0x42], TestContext.Current.CancellationToken);
        // Seed 002 with one more line: a file of its own, whether or not the other scenario of this class imported 002 first.
        var agenda = Path.Combine(Path.GetTempPath(), $"raad-002-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(agenda, await File.ReadAllTextAsync(Seed("002"), TestContext.Current.CancellationToken) + "\nSidste linje.\n", TestContext.Current.CancellationToken);
        try
        {
            var before = await CountsAsync();
            var run = await Cli(agenda, garbage, "/no/such/file.txt", "--dry-run", "--json");

            Assert.Equal(1, run.Code);
            var files = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToList();
            Assert.Equal(3, files.Count);
            Assert.Equal(JsonValueKind.Null, files[0].GetProperty("error").ValueKind);
            Assert.Equal(JsonValueKind.Null, files[0].GetProperty("meeting").GetProperty("id").ValueKind);
            Assert.Equal("2023-04-26", files[0].GetProperty("meeting").GetProperty("date").GetString());
            var failures = run.Err.Split('\n').Where(l => l.StartsWith(garbage, StringComparison.Ordinal) || l.StartsWith("/no/such", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, failures.Count);
            Assert.Contains("findes ikke", failures[1], StringComparison.Ordinal);
            Assert.Equal(before, await CountsAsync());
        }
        finally
        {
            File.Delete(garbage);
            File.Delete(agenda);
        }
    }

    private async Task<string> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return string.Join(", ",
            await db.Bodies.CountAsync(), await db.Meetings.CountAsync(), await db.AgendaItems.CountAsync(), await db.People.CountAsync(),
            await db.Memberships.CountAsync(), await db.Attendance.CountAsync(), await db.ItemAbsences.CountAsync(), await db.Cases.CountAsync(),
            await db.RulesOfProcedure.CountAsync(), await db.ImportedDocuments.CountAsync(),
            string.Join("|", await db.AgendaItems.OrderBy(i => i.Id).Select(i => i.Decision ?? "").ToListAsync()));
    }
}

public sealed class ImportCliOnSqlite(EmptySqliteApp app) : ImportCliScenarios(app), IClassFixture<EmptySqliteApp>;

public sealed class ImportCliOnPostgres(EmptyPostgresApp app) : ImportCliScenarios(app), IClassFixture<EmptyPostgresApp>;
