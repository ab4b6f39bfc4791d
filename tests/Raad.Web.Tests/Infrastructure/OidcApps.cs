using Microsoft.AspNetCore.Hosting;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>
/// The two OpenID Connect providers a test app is configured with, as a region and a municipality would be: the region's
/// client has a secret, the municipality's is public (PKCE alone).
/// </summary>
public sealed class TestProviders : IAsyncDisposable
{
    public const string Region = "region-h";
    public const string RegionLabel = "Region Hovedstaden";
    public const string Municipality = "ishoej";
    public const string MunicipalityLabel = "Ishøj Kommune";

    public OidcProvider RegionProvider { get; private set; } = null!;

    public OidcProvider MunicipalityProvider { get; private set; } = null!;

    public async Task StartAsync()
    {
        // The app's address in the test server is http://localhost; the handler asks to come back to its own path there.
        var region = OidcProvider.StartAsync("raad", "raad-test-hemmelighed", $"http://localhost/signin-oidc-{Region}");
        var municipality = OidcProvider.StartAsync("raad-ishoej", clientSecret: null, $"http://localhost/signin-oidc-{Municipality}");
        RegionProvider = await region;
        MunicipalityProvider = await municipality;
    }

    /// <summary>The app's settings, as an operator writes them in appsettings (Raad:Oidc:Providers:N:…).</summary>
    public void Configure(IWebHostBuilder builder)
    {
        Provider(builder, 0, Region, RegionLabel, RegionProvider);
        Provider(builder, 1, Municipality, MunicipalityLabel, MunicipalityProvider);
    }

    private static void Provider(IWebHostBuilder builder, int index, string name, string label, OidcProvider provider)
    {
        var at = $"Raad:Oidc:Providers:{index}:";
        builder.UseSetting(at + "Name", name);
        builder.UseSetting(at + "DisplayName", label);
        builder.UseSetting(at + "Authority", provider.Issuer);
        builder.UseSetting(at + "ClientId", provider.ClientId);
        if (provider.ClientSecret is not null)
        {
            builder.UseSetting(at + "ClientSecret", provider.ClientSecret);
        }
        builder.UseSetting(at + "Scopes", "openid profile email");
        // The providers serve their metadata over http on loopback.
        builder.UseSetting(at + "RequireHttpsMetadata", "false");
    }

    public async ValueTask DisposeAsync()
    {
        if (RegionProvider is not null)
        {
            await RegionProvider.DisposeAsync();
        }
        if (MunicipalityProvider is not null)
        {
            await MunicipalityProvider.DisposeAsync();
        }
    }
}

/// <summary>Raad on SQLite with a region's and a municipality's OpenID Connect provider.</summary>
public sealed class OidcSqliteApp : SqliteApp
{
    public TestProviders Providers { get; } = new();

    protected override Task StartServicesAsync() => Providers.StartAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Providers.Configure(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Providers.DisposeAsync();
    }
}

/// <summary>Raad on PostgreSQL with a region's and a municipality's OpenID Connect provider.</summary>
public sealed class OidcPostgresApp : PostgresApp
{
    public TestProviders Providers { get; } = new();

    protected override Task StartServicesAsync() => Providers.StartAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Providers.Configure(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Providers.DisposeAsync();
    }
}
