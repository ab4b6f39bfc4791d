using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Raad.Domain.Common;
using Raad.Domain.Meetings;
using Raad.Domain.Minutes;
using Raad.Web.Features.Agenda;
using Raad.Web.Features.Meetings;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Documents;

/// <summary>
/// The agenda or the minutes as a Word file the secretariat can go on with: the same texts in the same order as
/// <c>_Document.cshtml</c>, items as "heading 1" (each on a new page), their sections as "heading 2", and a real
/// contents field that Word fills in on opening. The edition's visibility comes from <see cref="DocumentEditions.DocumentAsync"/>.
/// </summary>
public sealed partial class DocumentDocx(DocumentEditions documents, TimeProvider clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<Result<DocumentFile>> RenderAsync(int meetingId, DocumentKind kind, DocumentVersion version, CancellationToken ct)
    {
        var (document, error) = await documents.DocumentAsync(meetingId, kind, version, ct);
        if (error is not null)
        {
            return error;
        }
        var v = document!.View;
        var (title, subject) = DocumentEditions.Describe(v, kind, version);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var footer = DocxParts.AddTo(main);
            AddBullets(main);
            var body = new Body();
            new Writer(main, body, document).Write();
            body.Append(DocxParts.Section(footer));
            main.Document = new Document(body);
            var now = clock.GetUtcNow().UtcDateTime;
            package.PackageProperties.Title = title;
            package.PackageProperties.Subject = subject;
            package.PackageProperties.Creator = v.Body.Name;
            package.PackageProperties.Language = DocxParts.Language;
            package.PackageProperties.Created = now;
            package.PackageProperties.Modified = now;
        }
        return new DocumentFile(stream.ToArray(), DocumentEditions.FileName(v, kind, version, "docx"), ContentType);
    }

    /// <summary>The numbering of a bulleted list (numId 1): lines typed as "- " become a real Word list, not dashes.</summary>
    private const int BulletList = 1;

    private static void AddBullets(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "284", Hanging = "284" }))
                { LevelIndex = 0 })
            { AbstractNumberId = BulletList },
            new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });
    }

    /// <summary>Writes the document's paragraphs into the body, in the order of the Razor template.</summary>
    private sealed partial class Writer(MainDocumentPart main, Body body, DocumentModel model)
    {
        private readonly MeetingView v = model.View;
        private readonly bool minutes = model.IsMinutes;
        private readonly string link = model.LinkBase;
        private int bookmarks;

        public void Write()
        {
            var m = v.Meeting;
            if (model.IsDraft)
            {
                if (minutes && m is { Status: MeetingStatus.MinutesCirculated, LatestMinutesVersion: { ObjectionsDue: { } due } sent })
                {
                    Add("Flag", Bold("Udsendt til godkendelse"), Plain($" (udgave {sent.Number}). Frist for indsigelser: {DanishFormat.Date(due)}."));
                }
                else
                {
                    Add("Flag", Bold("Kladde."), Plain(minutes ? " Referatet er ikke godkendt." : " Dagsordenen er ikke udsendt."));
                }
            }
            Add("Title", Plain(minutes ? "REFERAT" : "DAGSORDEN"));
            Meta("Møde i:", v.Body.Name + (m.Kind == MeetingKind.Extraordinary ? " (ekstraordinært møde)" : ""));
            Meta("Dato:", DanishFormat.LongDate(m.Date));
            Meta("Kl.:", $"{DanishFormat.Time(m.Start)}-{DanishFormat.Time(m.End)}");
            Meta("Sted:", m.PlaceText);
            if (m.Chair?.Person is { } chair)
            {
                Meta("Mødeleder:", chair.Name);
            }

            if (!minutes && m.AgendaLateReason is { } late)
            {
                Add("Flag", Bold("Dagsordenen er udsendt for sent, fordi"), Plain($" {late}"));
            }
            if (minutes && v.ShowDecisions && m.MinutesQuorumReason is { } quorumReason)
            {
                Add("Flag", Bold("Referatet er godkendt, selv om udvalget ikke var beslutningsdygtigt på alle punkter, fordi"), Plain($" {quorumReason}"));
            }
            if (minutes && m is { Status: MeetingStatus.MinutesApproved, MinutesApprovalNote: { } approvalNote })
            {
                Add(null, Bold("Referatet er godkendt."), Plain($" {approvalNote}"));
            }
            if (minutes && v.WrittenDecisions.Count > 0)
            {
                Add("FrontHeading", Plain("Meddelelser"));
                Add(null, Plain("Afgjort ved skriftlig proces siden sidste møde:"));
                foreach (var written in v.WrittenDecisions)
                {
                    Add(null, Bold(written.Title), Plain($" (frist {DanishFormat.Date(written.Deadline)})"));
                    Add("Decision", Plain(written.Decision));
                }
            }
            if (minutes && v.AttendanceRecorded)
            {
                Attendance();
            }
            else
            {
                Members();
            }
            Contents();
            foreach (var item in v.Items)
            {
                Item(item);
            }
            if (minutes && v.ShowDecisions && m.MinutesCorrections.Count > 0)
            {
                // Outside the outline, as the front matter: the contents list the items only.
                Add("FrontHeading", Plain("Rettelser efter godkendelsen"));
                foreach (var correction in m.MinutesCorrections.OrderBy(c => c.RecordedAt))
                {
                    Add(null, Plain($"{DanishFormat.Date(Clock.ToLocalDate(correction.RecordedAt))}{(correction.IsClosed ? " (lukket punkt)" : "")}: {correction.Text}"));
                }
            }
        }

        private void Attendance()
        {
            Add("FrontHeading", Plain("Fremmøde"));
            var present = v.Present.ToList();
            var substituted = v.Substituted.ToList();
            var absent = v.Absent.ToList();
            Add(null, Bold("Til stede:"), Plain($" {(present.Count == 0 ? "ingen" : string.Join(", ", present.Select(a => a.Seat.Person!.Name)))}"));
            if (substituted.Count > 0)
            {
                Add(null, Bold("Suppleanter:"), Plain($" {string.Join(", ", substituted.Select(a => $"{a.Substitute!.Person!.Name} for {a.Seat.Person!.Name}"))}"));
            }
            Add(null, Bold("Fraværende:"), Plain($" {(absent.Count == 0 ? "ingen" : string.Join(", ", absent.Select(a => a.Seat.Person!.Name)))}"));
        }

        private void Members()
        {
            Add("FrontHeading", Plain("Medlemmer"));
            foreach (var section in v.Members)
            {
                if (section.Heading != "Medlemmer")
                {
                    Add("FrontSubheading", Plain(section.Heading));
                }
                foreach (var (group, people) in section.Groups)
                {
                    if (group.Length > 0)
                    {
                        Add(null, Bold(group)).ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { After = "34" };
                    }
                    foreach (var person in people)
                    {
                        Add(null, Plain(MemberList.Line(person))).ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { After = "34" };
                    }
                }
            }
        }

        /// <summary>
        /// A real TOC field over heading 1, which only the items have: the contents list the items, not their sections. Until Word updates it, its result lists the items with their durations
        /// as the contents on the web do, each a link to the item's heading.
        /// </summary>
        private void Contents()
        {
            Add("TOCHeading", Plain("Indhold"));
            const string toc = "TOC \\o \"1-1\" \\h \\z \\u";
            if (v.Items.Count == 0)
            {
                Add("TOC1", [.. DocxParts.FieldStart(toc, dirty: true), DocxParts.FieldEnd()]);
            }
            for (var n = 0; n < v.Items.Count; n++)
            {
                var i = v.Items[n];
                var entry = new Hyperlink(DocxParts.Text($"{i.Number}. {i.Item.Heading}"), new Run(new TabChar()),
                    DocxParts.Text($"{i.Item.DurationMinutes} min."))
                { Anchor = Anchor(i), History = true };
                List<OpenXmlElement> runs = [.. n == 0 ? DocxParts.FieldStart(toc, dirty: true) : [], entry];
                if (n == v.Items.Count - 1)
                {
                    runs.Add(DocxParts.FieldEnd());
                }
                Add("TOC1", [.. runs]);
            }
            if (v.HiddenClosedItems > 0)
            {
                Add(null, Muted(v.HiddenClosedItems == 1 ? "1 lukket punkt er ikke vist." : $"{v.HiddenClosedItems} lukkede punkter er ikke vist."));
            }
        }

        private void Item(ItemView i)
        {
            var item = i.Item;
            var id = (++bookmarks).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var heading = Add("Heading1", new BookmarkStart { Name = Anchor(i), Id = id }, Plain($"{i.Number}. {item.Heading}"), new BookmarkEnd { Id = id });
            // Each item begins on a page of its own, as in the secretariats' documents, at the top of it.
            heading.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
            heading.ParagraphProperties.SpacingBetweenLines = new SpacingBetweenLines { Before = "0" };
            if (i.TitleOnly)
            {
                Add(null, Bold("Lukket punkt."), Plain(" Punktet behandles for lukkede døre."));
                return;
            }
            if (item.IsClosed)
            {
                Add(null, Bold("Lukket punkt"));
            }
            Add(null, Plain($"Forventet varighed: {DanishFormat.Minutes(item.DurationMinutes)} (kl. {DanishFormat.Time(i.Slot.Start)}-{DanishFormat.Time(i.Slot.End)})"));
            if (item.Case is { } itemCase)
            {
                Add(null, Muted("Sag: "), Link($"{link}/sager/{itemCase.Id}", itemCase.Title),
                    Muted((itemCase.CaseNumber is { } no ? $" · Sags ID: {no}" : "") + (item.DocumentId is { } doc ? $" · Dok ID: {doc}" : "")));
            }
            Section("Baggrund for sagens fremlæggelse", item.Background);
            Section("Resumé", item.Summary);
            if (item.Recommendation.Count > 0)
            {
                Add("Heading2", Plain("Indstilling"));
                Add(null, Plain("Det indstilles:"));
                foreach (var clause in item.Recommendation)
                {
                    // "at" in bold, as the documents print each clause.
                    var at = clause.StartsWith("at ", StringComparison.OrdinalIgnoreCase);
                    Add("Clause", [Plain("–"), new Run(new TabChar()), .. at ? [Bold(clause[..2]), Plain(clause[2..])] : new[] { Plain(clause) }]);
                }
            }
            if (item.Presenters is { Length: > 0 } presenters)
            {
                Add(null, Bold("Oplæg:"), Plain($" {presenters}"));
            }
            Add("Heading2", Plain("Politisk behandling"));
            Add(null, Plain("Udvalgets beslutning:"));
            if (v.ShowDecisions && !string.IsNullOrWhiteSpace(item.Decision))
            {
                Add("Decision", Plain(item.Decision));
            }
            if (v.ShowDecisions && item.Vote is { } vote)
            {
                Add(null, Plain(vote.Sentence));
            }
            if (v.ShowDecisions)
            {
                foreach (var d in item.Dissents)
                {
                    Add(null, Plain(Dissent.Sentence(v.NameOf(d.MembershipId), d.Text)));
                }
            }
            foreach (var (name, _) in i.Disqualified)
            {
                Add(null, Plain(Disqualification.Sentence(name)));
            }
            if (minutes && i.Absent.Count > 0)
            {
                Add("Heading2", Plain("Fraværende"));
                Add(null, Plain(string.Join(", ", i.Absent)));
            }
            Section("Sagsfremstilling", item.Presentation);
            if (i.EconomyTable is { } economy)
            {
                Add("Heading2", Plain("Økonomi"));
                if (!string.IsNullOrWhiteSpace(item.Economy))
                {
                    Prose(item.Economy);
                }
                EconomyTable(economy);
            }
            else
            {
                Section("Økonomi", item.Economy);
            }
            Section("Tidsplan og videre proces", item.FurtherProcess);
            if (i.PreviousDecisions.Count > 0)
            {
                Add("Heading2", Plain("Tidligere beslutninger"));
                foreach (var p in i.PreviousDecisions)
                {
                    Add(null, Link($"{link}/moeder/{p.MeetingId}/referat", $"{p.BodyName}, {DanishFormat.Date(p.Date)}"),
                        Plain($"{(p.ItemNumber is { } n ? $", punkt {n}" : "")}: {p.ItemTitle}"));
                    Add("Decision", Plain(p.Decision));
                }
            }
            if (i.Attachments.Count > 0)
            {
                Add("Heading2", Plain("Bilag"));
                foreach (var a in i.Attachments)
                {
                    Add(null, Link($"{link}/bilag/{a.Id}", $"Bilag {a.Number} – {a.Title}"));
                }
            }
        }

        private void Section(string heading, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                Add("Heading2", Plain(heading));
                Prose(text);
            }
        }

        /// <summary>A text field as paragraphs, its lines typed as "- " as a bulleted list (as the web and the PDF show it).</summary>
        private void Prose(string text)
        {
            foreach (var block in Agenda.Prose.Blocks(text))
            {
                if (block.Text is { } lines)
                {
                    Add(null, Plain(lines));
                    continue;
                }
                foreach (var entry in block.Items)
                {
                    var paragraph = Add("ListParagraph", Plain(entry));
                    paragraph.ParagraphProperties!.NumberingProperties = new NumberingProperties(
                        new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList });
                }
            }
        }

        /// <summary>"Møde i:" and its value, the values lined up at 30 mm as in the PDF's heading.</summary>
        private void Meta(string label, string value)
        {
            var paragraph = Add(null, Bold(label), new Run(new TabChar()), Plain(value));
            paragraph.ParagraphProperties!.Tabs = new Tabs(new TabStop { Val = TabStopValues.Left, Position = 1701 });
            paragraph.ParagraphProperties.SpacingBetweenLines = new SpacingBetweenLines { After = "57" };
            paragraph.ParagraphProperties.Indentation = new Indentation { Left = "1701", Hanging = "1701" };
        }

        /// <summary>Tabel 1 as a Word table: caption, a header row repeated on each page, amounts right-aligned, "I alt" in bold.</summary>
        private void EconomyTable(Domain.Money.EconomySnapshot snapshot)
        {
            Add(null, Bold($"{snapshot.Title} pr. {DanishFormat.Date(snapshot.AsOf)}"));
            var rows = snapshot.Table();
            var table = new Table(new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })),
                // Word needs the grid: the project's name wide, the three amounts alike.
                new TableGrid(new GridColumn { Width = "3838" }, new GridColumn { Width = "1934" }, new GridColumn { Width = "1934" }, new GridColumn { Width = "1934" }));
            for (var r = 0; r < rows.Count; r++)
            {
                var strong = r == 0 || r == rows.Count - 1;
                var row = new TableRow();
                if (r == 0)
                {
                    row.Append(new TableRowProperties(new TableHeader()));
                }
                for (var c = 0; c < rows[r].Count; c++)
                {
                    var text = r == 0 && c == 0 ? "Projekt" : rows[r][c];
                    var paragraph = new Paragraph(strong ? Bold(text) : Plain(text))
                    {
                        ParagraphProperties = new ParagraphProperties(new Justification { Val = c == 0 ? JustificationValues.Left : JustificationValues.Right }),
                    };
                    row.Append(new TableCell(paragraph));
                }
                table.Append(row);
            }
            body.Append(table);
            foreach (var overspent in snapshot.Rows.Where(x => x.Overspend > 0))
            {
                Add(null, Plain(overspent.OverspendText()));
            }
        }

        private Paragraph Add(string? style, params OpenXmlElement[] content)
        {
            var paragraph = new Paragraph(content)
            {
                ParagraphProperties = new ParagraphProperties { ParagraphStyleId = style is null ? null : new ParagraphStyleId { Val = style } },
            };
            body.Append(paragraph);
            return paragraph;
        }

        /// <summary>Text as runs, its line breaks kept as breaks (the web shows them with white-space: pre-line).</summary>
        private static OpenXmlElement Plain(string? text, RunProperties? properties = null)
        {
            var lines = XmlUnsafe().Replace(text ?? "", "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ').Split('\n');
            var run = new Run { RunProperties = properties };
            for (var n = 0; n < lines.Length; n++)
            {
                if (n > 0)
                {
                    run.Append(new Break());
                }
                run.Append(new Text(lines[n]) { Space = SpaceProcessingModeValues.Preserve });
            }
            return run;
        }

        private static OpenXmlElement Bold(string text) => Plain(text, new RunProperties { Bold = new Bold() });

        private static OpenXmlElement Muted(string text) => Plain(text, new RunProperties { Color = new Color { Val = "444444" } });

        private OpenXmlElement Link(string url, string text)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return Plain(text);
            }
            var relationship = main.AddHyperlinkRelationship(uri, true);
            return new Hyperlink(Plain(text, new RunProperties { RunStyle = new RunStyle { Val = "Hyperlink" } })) { Id = relationship.Id, History = true };
        }

        private static string Anchor(ItemView i) => $"punkt_{i.Number}";

        /// <summary>Characters XML 1.0 cannot hold; a pasted control character would otherwise make the file unreadable.</summary>
        [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]")]
        private static partial Regex XmlUnsafe();
    }
}
