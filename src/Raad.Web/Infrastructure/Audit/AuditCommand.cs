using System.CommandLine;
using System.Globalization;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure.Audit;

/// <summary>`raad audit verify`: checks the audit log's chain; exit 0 when it holds, 1 naming the first broken entry.</summary>
public static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var verify = new Command("verify", "Kontrollerer revisionssporets kæde af SHA-256: afslutter med 0, når den holder, ellers 1 og den første brudte post.");
        verify.SetAction(async (_, ct) =>
        {
            await using var app = context.BuildApp("audit");
            await DatabaseStartup.MigrateAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
            if (outcome.Broken is { } broken)
            {
                context.Console.Error.WriteLine(
                    $"Revisionssporet er brudt ved post {broken.Id} ({AuditLabels.Instant(broken.At)}, {AuditLabels.Act(broken.Act)} {AuditLabels.Entity(broken.EntityType)} {broken.EntityId}"
                    + $"{(broken.Label.Length > 0 ? $" \"{broken.Label}\"" : "")}): {outcome.Reason}. {outcome.Checked} poster før den holder.");
                return CommandLine.Failed;
            }
            context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Revisionssporet holder: {outcome.Checked} poster kontrolleret. Sidste hash: {outcome.LastHash}"));
            return CommandLine.Ok;
        });
        return new Command("audit", "Revisionssporet: raad audit verify.") { verify };
    }
}
