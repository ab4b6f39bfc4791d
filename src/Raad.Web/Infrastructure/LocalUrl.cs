namespace Raad.Web.Infrastructure;

/// <summary>
/// The one check for every ReturnUrl and other address a request names to send the user on to: only a path on this
/// site ("/udvalg/3"). An external address ("https://evil", "//evil", "/\evil") or another scheme ("javascript:") gives
/// the fallback, so it can neither be rendered as a link nor redirected to.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when it is a local path, otherwise <paramref name="fallback"/>.</summary>
    public static string Or(string? url, string fallback = "/") => IsLocal(url) ? url! : fallback;
}
