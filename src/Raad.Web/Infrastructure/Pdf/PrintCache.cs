using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Raad.Domain.Common;

namespace Raad.Web.Infrastructure.Pdf;

/// <summary>The fingerprint of a print's inputs: SHA-256 over the parts, each with its length, so no two lists collide.</summary>
public static class PrintFingerprint
{
    public static string Of(params string[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>
/// Printed documents by the fingerprint of what they are printed from, kept on disk per app instance (under the data
/// folder). On publication day many readers ask for the same PDF at once: the first one prints it, the others wait
/// for that print (one flight per fingerprint), and everyone after reads the file. A client may have only a few
/// prints of its own running at once; past that it is told to wait (429), so one client cannot occupy the printer.
/// Joining a print someone else started, or reading a printed file, costs no print and is never refused.
/// </summary>
public sealed class PrintCache(IOptions<PdfOptions> options, ILogger<PrintCache> log)
{
    public const string BusyCode = "pdf.busy";

    /// <summary>Seconds a refused client is asked to wait: about one print of a long document.</summary>
    public const int RetryAfterSeconds = 5;

    private readonly ConcurrentDictionary<string, Lazy<Task<Result<byte[]>>>> flights = new();
    private readonly Dictionary<string, int> running = [];
    private readonly Lock counting = new();

    private string Folder => Path.GetFullPath(options.Value.CacheFolder);

    /// <summary>Prints being made now (one per fingerprint).</summary>
    public int Flights => flights.Count;

    /// <summary>Lets a test hold the prints that start, to see what happens meanwhile.</summary>
    internal Func<Task>? BeforePrint { get; set; }

    /// <summary>Who asks, for the per-client limit: the account when signed in, otherwise the address.</summary>
    public static string ClientOf(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } user
            ? $"konto:{user}"
            : $"adresse:{http.Connection.RemoteIpAddress}";

    /// <summary>
    /// The printed document with this fingerprint: from disk, from a print already under way, or printed now by
    /// <paramref name="print"/> (which must not depend on the asking request: others may wait for it too).
    /// </summary>
    public async Task<Result<byte[]>> GetAsync(string fingerprint, string client, Func<Task<Result<byte[]>>> print, CancellationToken ct)
    {
        if (Read(fingerprint) is { } stored)
        {
            return stored;
        }
        if (!flights.TryGetValue(fingerprint, out var flight))
        {
            if (!TryStart(client))
            {
                return new Error(BusyCode, string.Create(DanishFormat.Culture,
                    $"Du har allerede {options.Value.PrintsPerClient} dokumenter under udskrivning. Vent, til de er færdige, og prøv igen om {RetryAfterSeconds} sekunder."));
            }
            var mine = new Lazy<Task<Result<byte[]>>>(() => FlyAsync(fingerprint, client, print));
            flight = flights.GetOrAdd(fingerprint, mine);
            if (flight != mine)
            {
                // Someone else started the same print a moment ago: wait for theirs.
                Finish(client);
            }
        }
        return await flight.Value.WaitAsync(ct);
    }

    private async Task<Result<byte[]>> FlyAsync(string fingerprint, string client, Func<Task<Result<byte[]>>> print)
    {
        try
        {
            // A print that ended just before this one began has left its file.
            if (Read(fingerprint) is { } stored)
            {
                return stored;
            }
            if (BeforePrint is { } hold)
            {
                await hold();
            }
            var printed = await print();
            if (printed.IsSuccess)
            {
                Write(fingerprint, printed.Value!);
            }
            return printed;
        }
        finally
        {
            // The file is written before the flight ends, so nobody falls between the two.
            flights.TryRemove(fingerprint, out _);
            Finish(client);
        }
    }

    private bool TryStart(string client)
    {
        lock (counting)
        {
            var now = running.GetValueOrDefault(client);
            if (now >= Math.Max(1, options.Value.PrintsPerClient))
            {
                return false;
            }
            running[client] = now + 1;
            return true;
        }
    }

    private void Finish(string client)
    {
        lock (counting)
        {
            if (running.GetValueOrDefault(client) <= 1)
            {
                running.Remove(client);
            }
            else
            {
                running[client]--;
            }
        }
    }

    private byte[]? Read(string fingerprint)
    {
        try
        {
            return File.ReadAllBytes(Path.Combine(Folder, fingerprint + ".pdf"));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (IOException e)
        {
            log.LogWarning(e, "Den gemte PDF {Fingerprint} kunne ikke læses; den udskrives igen.", fingerprint);
            return null;
        }
    }

    /// <summary>Writes the file whole (a temp file, then a rename), so a reader never sees half of it; then trims the cache.</summary>
    private void Write(string fingerprint, byte[] pdf)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var temp = Path.Combine(Folder, $"{fingerprint}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temp, pdf);
            File.Move(temp, Path.Combine(Folder, fingerprint + ".pdf"), overwrite: true);
            var files = new DirectoryInfo(Folder).GetFiles("*.pdf");
            foreach (var old in files.OrderByDescending(f => f.LastWriteTimeUtc).Skip(Math.Max(1, options.Value.CachedDocuments)))
            {
                old.Delete();
            }
        }
        catch (IOException e)
        {
            // A full or read-only disk costs a print next time, not this reader's file.
            log.LogWarning(e, "Den udskrevne PDF kunne ikke gemmes i {Folder}.", Folder);
        }
        catch (UnauthorizedAccessException e)
        {
            log.LogWarning(e, "Den udskrevne PDF kunne ikke gemmes i {Folder}.", Folder);
        }
    }
}
