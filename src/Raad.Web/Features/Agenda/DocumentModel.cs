using Raad.Web.Features.Meetings;

namespace Raad.Web.Features.Agenda;

/// <summary>The agenda or the minutes of a meeting, as one person may read them.</summary>
/// <param name="Print">Laid out for paper: the contents give page numbers instead of times.</param>
/// <param name="PageNumbers">The page each item begins on (by item number), known after a first print.</param>
/// <param name="LinkBase">What links to Raad begin with: empty on the web, the public address in a PDF.</param>
/// <param name="Package">In the agenda package: the attachments in the order they follow the agenda, with their pages.</param>
/// <param name="Notes">"Mine noter": the reader's own notes after each item (by item id); null in every other document.</param>
public sealed record DocumentModel(MeetingView View, bool IsMinutes, bool IsDraft, bool Print = false,
    IReadOnlyDictionary<string, int>? PageNumbers = null, string LinkBase = "", IReadOnlyList<PackageEntry>? Package = null,
    IReadOnlyDictionary<int, IReadOnlyList<PrintedNote>>? Notes = null)
{
    /// <summary>A page in the contents ("side 7"); also what the printer writes into a laid-out page (DocumentPdf).</summary>
    public static string PageText(int? page) => page is { } p and > 0 ? $"side {p}" : "";

    /// <summary>The id of an item's page in the contents.</summary>
    public static string ItemPageId(string number) => $"side-punkt-{number}";

    /// <summary>The id of a package attachment's page in the contents.</summary>
    public static string AttachmentPageId(int number) => $"side-bilag-{number}";

    /// <summary>The id of the style that makes the package's footer count the package's pages (see <see cref="PackageFooter"/>).</summary>
    public const string PackageFooterId = "raad-package-pages";

    /// <summary>
    /// In the package, the agenda's footer counts the whole package ("Side 2 af 8", not "af 7"): the agenda's own pages
    /// and the attachments' after them. Chromium's counter(pages) knows only the agenda, so the total is written in.
    /// Empty until the attachments' pages are known.
    /// </summary>
    public static string PackageFooter(IReadOnlyList<PackageEntry>? package)
    {
        var merged = package?.Where(e => e.Link is null && e.Page is not null).ToList() ?? [];
        if (merged.Count == 0)
        {
            return "";
        }
        var total = merged.Min(e => e.Page!.Value) - 1 + merged.Sum(e => e.Pages);
        return $"@page {{ @bottom-right {{ content: \"Side \" counter(page) \" af {total}\"; }} }}";
    }
}

/// <summary>
/// An attachment in the agenda package: "Bilag 3 – Titel" to item 2. A PDF has the page it begins on in the package;
/// other files (DOCX, XLSX) are not merged and are listed with a link instead.
/// </summary>
/// <param name="Pages">How many pages the attachment has in the package (0 when it is only linked).</param>
public sealed record PackageEntry(int Number, string Title, string ItemNumber, int? Page, string? Link, string? Note = null, int Pages = 0);

/// <summary>One of the reader's notes as "Mine noter" prints it: where it sits (the item, or "Bilag 2, side 3") and its text.</summary>
public sealed record PrintedNote(string Where, string Text);
