using System.Threading.Channels;

namespace Raad.Web.Infrastructure;

/// <summary>
/// Wakes a background worker before its next look: <see cref="Nudge"/> when there is work, <see cref="WaitAsync"/>
/// between passes. Nudges while the worker is busy fold into one.
/// </summary>
public class WakeSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => channel.Writer.TryWrite(true);

    /// <summary>Until a nudge or the timeout, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            await channel.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Time for a look anyway: another instance may have left work.
        }
    }
}
