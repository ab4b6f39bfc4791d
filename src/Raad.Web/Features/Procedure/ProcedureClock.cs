using Raad.Web.Features.Minutes;
using Raad.Web.Features.WrittenProcedures;

namespace Raad.Web.Features.Procedure;

/// <summary>
/// What the rules of procedure make happen by the passing of time alone: minutes approved when the objection window
/// closes without objection, written procedures decided at their deadline, reminders before it. Every instance may
/// run it; the steps are idempotent and optimistic concurrency refuses a second, simultaneous save.
/// </summary>
public sealed class ProcedureClock(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ProcedureClock> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Raad:Procedure:SweepMinutes", 15.0);
        if (minutes <= 0)
        {
            log.LogInformation("Forretningsordenens ur er slået fra (Raad:Procedure:SweepMinutes = 0).");
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await RunOnceAsync(scopes, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Forretningsordenens ur fejlede; det prøver igen om {Minutes} minutter.", minutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass, in its own scope: approvals first, then written procedures.</summary>
    public static async Task<(int MinutesApproved, int ProceduresDecided)> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var approved = await scope.ServiceProvider.GetRequiredService<ApproveMinutesBySilence>().HandleAsync(ct);
        var decided = await scope.ServiceProvider.GetRequiredService<DecideWrittenProcedures>().HandleAsync(ct);
        return (approved.Value, decided.Value);
    }
}
