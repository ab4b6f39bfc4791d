using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Raad.Web.Data;
using Raad.Web.Features.Demo;
using Raad.Web.Infrastructure;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>The demo accounts, one per role.</summary>
public enum Role
{
    Administrator,
    Secretariat,
    Member,
}

/// <summary>
/// Raad in memory on its own database: a copy of the template that the real startup (migrations, then the demo) made
/// once for this provider and variant (<see cref="TemplateDatabases"/>), so every scenario starts from the demo data
/// and the demo accounts. The app's own startup runs on the copy too. One app per test class: each class gets its own database.
/// </summary>
public abstract class RaadApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    /// <summary>Set by <see cref="CreateDatabaseAsync"/>, read when the app starts.</summary>
    protected string ConnectionString { get; set; } = "";

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    /// <summary>False for an app that starts on an empty database (the importer's scenarios).</summary>
    protected virtual bool LoadDemo => true;

    /// <summary>False to leave Raad:Demo:LoadOnEmptyDatabase unset, so the app's own default decides.</summary>
    protected virtual bool SetsDemoSetting => true;

    /// <summary>False for the demo without Syd's pools, projects and grants, for scenarios that record them through the pages.</summary>
    protected virtual bool LoadDemoMoney => true;

    /// <summary>
    /// What the app's database starts with. An app that leaves the demo setting to the app's default starts empty, and
    /// its own startup decides whether to load the demo.
    /// </summary>
    protected DemoVariant Variant => new(SetsDemoSetting && LoadDemo, LoadDemoMoney);

    /// <summary>The app's clock: today, unless a scenario travels forward.</summary>
    public TravellingClock Clock { get; } = new();

    /// <summary>The app's own mail server (a real one, on loopback), where the outbox delivers.</summary>
    public SmtpServer Mail { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Before the app starts: its settings name the server's port.
        Mail = await SmtpServer.StartOnFreePortAsync();
        await StartServicesAsync();
        await CreateDatabaseAsync();
        // Start now, so a broken migration or demo fails here, once, with its own message.
        _ = Server;
    }

    /// <summary>Starts what an app of a subclass talks to (e.g. OpenID Connect providers), before the app and its settings.</summary>
    protected virtual Task StartServicesAsync() => Task.CompletedTask;

    /// <summary>Where this app keeps its printed PDFs; removed with the app.</summary>
    public string PrintCacheFolder { get; } = Path.Combine(Path.GetTempPath(), $"raad-test-pdf-{Guid.NewGuid():N}");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        if (Directory.Exists(PrintCacheFolder))
        {
            Directory.Delete(PrintCacheFolder, recursive: true);
        }
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads the database settings before the app is built.
        builder.UseEnvironment("Testing");
        builder.UseSetting("Raad:Database:Provider", Provider.ToString());
        builder.UseSetting("Raad:Database:ConnectionString", ConnectionString);
        if (SetsDemoSetting)
        {
            builder.UseSetting("Raad:Demo:LoadOnEmptyDatabase", LoadDemo ? "true" : "false");
        }
        builder.UseSetting("Raad:Demo:Money", LoadDemoMoney ? "true" : "false");
        // Scenarios run the procedure clock themselves (ProcedureClock.RunOnceAsync), when they have made time pass.
        builder.UseSetting("Raad:Procedure:SweepMinutes", "0");
        // Likewise the reading of attachments' text (AttachmentTextWorker.RunOnceAsync).
        builder.UseSetting("Raad:AttachmentText:PollSeconds", "0");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.UseSetting("Raad:Mail:Host", Mail.Host);
        builder.UseSetting("Raad:Mail:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Raad:Mail:PublicUrl", PublicUrl);
        // Often, so that a scenario sees the background sender deliver within moments.
        builder.UseSetting("Raad:Mail:PollSeconds", "0.2");
        // Each app prints into its own cache, so one class's PDFs are never another's.
        builder.UseSetting("Raad:Pdf:CacheFolder", PrintCacheFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // EF logs its first look for the migrations table on a new PostgreSQL database as an error; failures throw anyway.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "None");
    }

    /// <summary>The address the links in the app's mails begin with.</summary>
    public const string PublicUrl = "https://raad.test";

    /// <summary>Waits until the mail server has received <paramref name="count"/> mails that match; fails with what it did receive.</summary>
    public Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForMailAsync(Func<MimeKit.MimeMessage, bool> match, int count = 1, TimeSpan? timeout = null) =>
        Mail.WaitForMailAsync(match, count, timeout);

    /// <summary>Someone who is not signed in: the public.</summary>
    public Visitor Anonymous() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in with the demo account of the role through the login form, as a person would.</summary>
    public async Task<Visitor> SignInAs(Role role)
    {
        var name = role switch
        {
            Role.Administrator => Roles.Administrator,
            Role.Secretariat => Roles.Secretariat,
            Role.Member => Roles.Member,
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
        var email = DemoLoader.Accounts.First(a => a.Role == name).Email;
        var visitor = Anonymous();
        var login = await visitor.Open("/konto/log-ind");
        var result = await visitor.Submit(login, new() { ["Email"] = email, ["Password"] = DemoLoader.Password });
        if (result.RedirectTo is null)
        {
            throw new InvalidOperationException(
                $"Log ind som {email} gav {(int)result.Status} uden viderestilling: {result.Text("[role=alert]")}");
        }
        return visitor;
    }
}
