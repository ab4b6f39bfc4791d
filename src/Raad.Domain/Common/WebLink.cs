namespace Raad.Domain.Common;

/// <summary>
/// A link people are sent to from a page (a virtual meeting's "Deltag i mødet"): only an absolute http or https
/// address, so a stored "javascript:" or "data:" link can never run in a reader's browser.
/// </summary>
public static class WebLink
{
    public static bool IsWeb(string? link) =>
        !string.IsNullOrWhiteSpace(link)
        && Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);
}
