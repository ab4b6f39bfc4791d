using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Infrastructure.Pdf;
using Raad.Web.Tests.Infrastructure;

namespace Raad.Web.Tests.Scenarios;

/// <summary>Raad where Chromium is not installed: the app runs, and the PDF says in Danish what to install.</summary>
public sealed class SqliteAppWithoutChromium : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Raad:Pdf:Chromium", "/usr/bin/chromium-findes-ikke");
    }
}

/// <summary>Raad whose prints may take a millisecond: every print runs out of time.</summary>
public sealed class SqliteAppWithImpatientPrinter : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Raad:Pdf:TimeoutSeconds", "0.001");
    }
}

public sealed class ImpatientPrinter(SqliteAppWithImpatientPrinter app) : IClassFixture<SqliteAppWithImpatientPrinter>
{
    [Fact]
    public async Task A_print_that_takes_too_long_is_stopped_with_a_danish_message()
    {
        using var citizen = app.Anonymous();
        var meeting = await citizen.MeetingId(await citizen.BodyId("Politisk Sundhedsklynge Syd"), "2025-08-27");

        var pdf = await citizen.Download($"/api/meetings/{meeting}/agenda.pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.Status);
        Assert.Contains("PDF'en kunne ikke laves på 0,001 sekunder. Prøv igen om lidt.", System.Text.Encoding.UTF8.GetString(pdf.Content));
        Assert.Contains("pdf.timeout", System.Text.Encoding.UTF8.GetString(pdf.Content));
    }
}

public sealed class WithoutChromium(SqliteAppWithoutChromium app) : IClassFixture<SqliteAppWithoutChromium>
{
    [Fact]
    public async Task The_app_runs_and_the_pdf_says_what_to_install()
    {
        using var citizen = app.Anonymous();
        var meeting = await citizen.MeetingId(await citizen.BodyId("Politisk Sundhedsklynge Syd"), "2025-08-27");

        var pdf = await citizen.Download($"/api/meetings/{meeting}/agenda.pdf");
        var agenda = await citizen.Open($"/moeder/{meeting}/dagsorden");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.Status);
        var problem = System.Text.Encoding.UTF8.GetString(pdf.Content);
        Assert.Contains("PDF kræver Chromium, som ikke findes på /usr/bin/chromium-findes-ikke. Installér Debian-pakken chromium (apt-get install chromium)", problem);
        Assert.Equal(HttpStatusCode.OK, agenda.Status);
        Assert.Contains("Installér Debian-pakken chromium", agenda.Text("nav[aria-label='Dokument']"));
        Assert.Null(agenda.Document.QuerySelector("a[href$='agenda.pdf']"));
    }
}

/// <summary>One Chromium serves every print; when it dies, the next print starts a new one.</summary>
public sealed class PrinterRestart(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_crashed_browser_is_started_again_on_the_next_print()
    {
        using var citizen = app.Anonymous();
        var meeting = await citizen.MeetingId(await citizen.BodyId("Politisk Sundhedsklynge Syd"), "2025-08-27");
        Assert.Equal(HttpStatusCode.OK, (await citizen.Download($"/api/meetings/{meeting}/agenda.pdf")).Status);
        var tag = app.Services.GetRequiredService<ChromiumPrinter>().InstanceTag;

        var killed = KillProcessesWith(tag);

        Assert.True(killed > 0, $"Ingen Chromium-proces med {tag} blev fundet.");
        var again = await citizen.Download($"/api/meetings/{meeting}/agenda.pdf");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("application/pdf", again.ContentType);
    }

    /// <summary>Kills this printer's Chromium processes, found by the tag on their command line (Linux /proc).</summary>
    private static int KillProcessesWith(string tag)
    {
        var killed = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (commandLine.Contains(tag, StringComparison.Ordinal))
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(int.Parse(Path.GetFileName(dir), System.Globalization.CultureInfo.InvariantCulture)).Kill();
                    killed++;
                }
                catch (ArgumentException)
                {
                    // Gone already.
                }
            }
        }
        return killed;
    }
}
