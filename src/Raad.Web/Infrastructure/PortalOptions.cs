namespace Raad.Web.Infrastructure;

/// <summary>What the operator says about the public portal (<c>Raad:Portal</c>).</summary>
public sealed class PortalOptions
{
    /// <summary>
    /// The address of the accessibility statement (tilgængelighedserklæring), made and published in the Agency for Digital
    /// Government's WAS-Tool. Every page links to it; while it is missing administrators are told so.
    /// </summary>
    public string? AccessibilityStatementUrl { get; set; }

    /// <summary>Only an absolute http(s) address is linked: a typo must not become a link to a page of Raad that does not exist.</summary>
    public string? ValidAccessibilityStatementUrl =>
        Uri.TryCreate(AccessibilityStatementUrl?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}
