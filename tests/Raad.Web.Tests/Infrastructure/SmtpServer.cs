using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (python3-aiosmtpd, installed by test.sh) as a child process, which
/// stores every mail it accepts in a maildir of its own. No mock: the app's MailKit client speaks SMTP to it as it would
/// to a region's mail server, and the tests read what arrived. Stopped and started again on the same port, it plays a
/// mail server that is down for a while.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    public const string Missing = "python3-aiosmtpd mangler – kør ./test.sh, som installerer den (apt-get install python3-aiosmtpd).";

    // Debian's Python, where Debian's package puts the module; another python3 earlier on PATH would not have it.
    private static readonly string Python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string folder = Directory.CreateTempSubdirectory("raad-smtp-").FullName;
    private readonly StringBuilder output = new();
    private Process? process;

    private SmtpServer(int port) => Port = port;

    public string Host => "127.0.0.1";

    public int Port { get; }

    public bool IsRunning => process is { HasExited: false };

    // aiosmtpd creates the maildir (with tmp, new and cur) itself, but only when the folder does not exist yet.
    private string Maildir => Path.Combine(folder, "maildir");

    /// <summary>A server on a free loopback port, accepting connections when this returns.</summary>
    public static async Task<SmtpServer> StartOnFreePortAsync()
    {
        var server = new SmtpServer(FreePort());
        try
        {
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Starts the server (again) on its port; what it received before stays.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -n: do not try to become "nobody"; the Mailbox handler takes the maildir as its one argument.
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} kunne ikke startes. {Missing}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{Python} findes ikke. {Missing}", e);
        }
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync(process);
    }

    /// <summary>Stops the server: connections to its port are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <summary>Every mail received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        // Maildir writes a mail under tmp/ and moves it to new/ when complete, so what is in new/ (or cur/) is whole.
        var files = new[] { "new", "cur" }
            .Select(sub => Path.Combine(Maildir, sub))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(path => new FileInfo(path))
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal);
        return [.. files.Select(f => MimeMessage.Load(f.FullName))];
    }

    /// <summary>Waits until at least <paramref name="count"/> received mails match, and returns those that do.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMailAsync(Func<MimeMessage, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var received = Received();
            var matching = received.Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }
            if (watch.Elapsed > limit)
            {
                var list = received.Count == 0
                    ? "ingen"
                    : string.Join("; ", received.Select(m => $"til {string.Join(", ", m.To.Mailboxes.Select(a => a.Address))}: \"{m.Subject}\""));
                throw new TimeoutException(
                    $"Ventede {limit.TotalSeconds:0} s på {count} e-mail(s), der passede; {matching.Count} kom. Modtaget i alt: {list}."
                    + (IsRunning ? "" : $" SMTP-serveren kører ikke: {Output()}"));
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task WaitUntilListeningAsync(Process started)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (started.HasExited)
            {
                await started.WaitForExitAsync(); // until its output is read to the end
                var text = Output();
                throw new InvalidOperationException(text.Contains("No module named aiosmtpd", StringComparison.Ordinal)
                    ? $"{Missing} ({Python}: {text})"
                    : $"SMTP-serveren (aiosmtpd) stoppede med kode {started.ExitCode}: {text}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (watch.Elapsed < StartTimeout)
            {
                await Task.Delay(50);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException(
                    $"SMTP-serveren (aiosmtpd) tog ikke imod forbindelser på {Host}:{Port} inden {StartTimeout.TotalSeconds:0} s: {Output()}", e);
            }
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString().Trim();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
