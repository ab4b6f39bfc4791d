using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider on loopback: npm's oidc-provider (tests/Raad.Web.Tests/Oidc/provider.mjs, installed
/// by test.sh with npm ci) as a child process, with one client (the test app: its redirect URI, PKCE required) and the
/// accounts a test gives it, each with the claims it answers (email, email_verified, name). Not a mock: the app's
/// OpenID Connect handler reads its discovery document and keys, exchanges the code and calls userinfo over HTTP, and
/// the test signs in on the provider's own pages (<see cref="OidcBrowser"/>).
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string Missing = "oidc-provider mangler – kør ./test.sh, som kører npm ci i tests/Raad.Web.Tests/Oidc.";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string folder = Directory.CreateTempSubdirectory("raad-oidc-").FullName;
    private readonly Dictionary<string, Dictionary<string, object>> accounts = [];
    private readonly object client;
    private readonly StringBuilder output = new();
    private Process? process;

    private OidcProvider(int port, string clientId, string? clientSecret, string redirectUri)
    {
        Port = port;
        ClientId = clientId;
        ClientSecret = clientSecret;
        client = clientSecret is null
            ? new { client_id = clientId, redirect_uris = new[] { redirectUri }, token_endpoint_auth_method = "none" }
            : new { client_id = clientId, client_secret = clientSecret, redirect_uris = new[] { redirectUri }, token_endpoint_auth_method = "client_secret_post" };
    }

    public int Port { get; }

    public string Issuer => $"http://127.0.0.1:{Port}";

    public string ClientId { get; }

    public string? ClientSecret { get; }

    private string SettingsFile => Path.Combine(folder, "settings.json");

    /// <summary>
    /// A provider on a free loopback port whose one client may be sent back to <paramref name="redirectUri"/>; without a
    /// secret the client is public (PKCE alone).
    /// </summary>
    public static async Task<OidcProvider> StartAsync(string clientId, string? clientSecret, string redirectUri)
    {
        var provider = new OidcProvider(FreePort(), clientId, clientSecret, redirectUri);
        try
        {
            await provider.StartProcessAsync();
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
        return provider;
    }

    /// <summary>An account the provider signs in as <paramref name="login"/> (its subject), answering these claims.</summary>
    public void AddAccount(string login, string email, bool emailVerified, string name)
    {
        lock (accounts)
        {
            accounts[login] = new() { ["email"] = email, ["email_verified"] = emailVerified, ["name"] = name };
            WriteSettings();
        }
    }

    private void WriteSettings()
    {
        // Written whole and then moved, so the provider (which reads it at every sign-in) never sees half a file.
        var temporary = SettingsFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new { clients = new[] { client }, accounts }));
        File.Move(temporary, SettingsFile, overwrite: true);
    }

    private async Task StartProcessAsync()
    {
        var script = Path.Combine(ScriptFolder(), "provider.mjs");
        if (!Directory.Exists(Path.Combine(ScriptFolder(), "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException(Missing);
        }
        WriteSettings();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ScriptFolder(),
        };
        foreach (var argument in new[] { script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), SettingsFile })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node kunne ikke startes.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("node findes ikke (Node.js skal være installeret).", e);
        }
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync(process);
    }

    /// <summary>What the provider wrote (its warnings, and errors of a failed exchange), for a test's message.</summary>
    public string Output()
    {
        lock (output)
        {
            return output.ToString().Trim();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
            process.Dispose();
        }
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>tests/Raad.Web.Tests/Oidc in the clone the tests run from, where npm ci put node_modules.</summary>
    private static string ScriptFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Raad.slnx")))
        {
            folder = folder.Parent;
        }
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Raad.slnx blev ikke fundet over " + AppContext.BaseDirectory),
            "tests", "Raad.Web.Tests", "Oidc");
    }

    private async Task WaitUntilListeningAsync(Process started)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (started.HasExited)
            {
                await started.WaitForExitAsync();
                throw new InvalidOperationException($"OpenID Connect-udbyderen (oidc-provider) stoppede med kode {started.ExitCode}: {Output()}");
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
                    $"OpenID Connect-udbyderen tog ikke imod forbindelser på {Issuer} inden {StartTimeout.TotalSeconds:0} s: {Output()}", e);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
