using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Raad.Web.Infrastructure;

namespace Raad.Bench;

/// <summary>
/// Raad's own services in this process, on the benchmark's database: the same registrations as `raad` (AddRaad), but no
/// web server and no hosted services (the package worker runs only in the real server). Used to seed the synthetic
/// meeting and for the in-process breakdown of where the time goes.
/// </summary>
internal static class RaadHost
{
    /// <param name="contentRoot">src/Raad.Web, whose wwwroot holds print.css and the fonts Chromium loads.</param>
    public static WebApplication Build(string database, string contentRoot) => Build(contentRoot, "Sqlite", $"Data Source={database}");

    /// <param name="provider">Sqlite or Postgres, with that provider's connection string.</param>
    public static WebApplication Build(string contentRoot, string provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The Razor views are compiled into raad.dll, found as the application's part by this name.
            ApplicationName = "raad",
            ContentRootPath = contentRoot,
            EnvironmentName = Environments.Production,
            Args =
            [
                $"--Raad:Database:Provider={provider}",
                $"--Raad:Database:ConnectionString={connectionString}",
                "--Logging:LogLevel:Default=Warning",
            ],
        });
        builder.AddRaad("bench");
        return builder.Build();
    }
}
