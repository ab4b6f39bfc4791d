using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Raad.Web.Tests.Import;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>
/// Hostile Word files through the two ways in: `raad import` run as its own process (a stack overflow there cannot be
/// caught and would end it), and the upload page of the running app, which must still answer afterwards. SQLite only:
/// the file is read and refused before any database work that could differ between the providers.
/// </summary>
public sealed class DocxFuzzScenarios(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Raad_import_refuses_every_hostile_word_file_with_a_danish_line_and_the_process_ends_normally()
    {
        var folder = Directory.CreateTempSubdirectory("raad-fuzz-").FullName;
        try
        {
            var cases = HostileDocx.All();
            var files = new List<string>();
            foreach (var (name, bytes) in cases)
            {
                var path = Path.Combine(folder, name);
                await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
                files.Add(path);
            }

            var (code, stdout, stderr) = await RunRaadAsync(folder, ["import", .. files, "--dry-run", "--json"]);

            // 1: some files failed; a crash would be 134 (abort) or a signal, and print no JSON.
            Assert.True(code == 1, $"raad import endte med {code}.\n{stderr}");
            var answers = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
            Assert.Equal(cases.Count, answers.Count);
            foreach (var answer in answers.Where(a => !a.GetProperty("file").GetString()!.EndsWith("forkert-crc.docx", StringComparison.Ordinal)))
            {
                var error = answer.GetProperty("error").GetString();
                Assert.False(string.IsNullOrWhiteSpace(error), answer.GetProperty("file").GetString());
                Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_upload_page_refuses_every_hostile_word_file_and_the_app_still_answers()
    {
        using var secretariat = await app.SignInAs(Role.Secretariat);
        foreach (var (name, bytes) in HostileDocx.All())
        {
            var answer = await secretariat.SubmitFile(await secretariat.Open("/import"), [], "Files", name, bytes,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            if (name != "forkert-crc.docx")
            {
                Assert.Contains(name, answer.Text("[role=alert]"), StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await secretariat.Open("/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().Open("/sager")).Status);
    }

    /// <summary>The built `raad` executable, as an operator runs it, on a database of its own in <paramref name="folder"/>.</summary>
    private static async Task<(int Code, string Out, string Err)> RunRaadAsync(string folder, string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "raad.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add($"--Raad:Database:ConnectionString=Data Source={Path.Combine(folder, "raad.db")}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
