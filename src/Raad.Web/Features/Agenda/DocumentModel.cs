using Raad.Web.Features.Meetings;

namespace Raad.Web.Features.Agenda;

/// <summary>The agenda or the minutes of a meeting, as one person may read them.</summary>
/// <param name="Print">Laid out for paper: the contents give page numbers instead of times.</param>
/// <param name="PageNumbers">The page each item begins on (by item number), known after a first print.</param>
/// <param name="LinkBase">What links to Raad begin with: empty on the web, the public address in a PDF.</param>
/// <param name="Package">In the agenda package: the attachments in the order they follow the agenda, with their pages.</param>
public sealed record DocumentModel(MeetingView View, bool IsMinutes, bool IsDraft, bool Print = false,
    IReadOnlyDictionary<string, int>? PageNumbers = null, string LinkBase = "", IReadOnlyList<PackageEntry>? Package = null);

/// <summary>
/// An attachment in the agenda package: "Bilag 3 – Titel" to item 2. A PDF has the page it begins on in the package;
/// other files (DOCX, XLSX) are not merged and are listed with a link instead.
/// </summary>
public sealed record PackageEntry(int Number, string Title, string ItemNumber, int? Page, string? Link, string? Note = null);
