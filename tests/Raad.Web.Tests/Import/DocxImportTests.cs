using Raad.Domain.Agenda;
using Raad.Domain.Import;
using Raad.Web.Features.Import;
using static Raad.Web.Tests.Import.DocxMaker;

namespace Raad.Web.Tests.Import;

/// <summary>A Word agenda whose items and sections are Word headings, read and parsed end to end (reader, then parser).</summary>
public sealed class DocxImportTests
{
    [Fact]
    public void A_word_agenda_with_heading_styles_becomes_a_meeting_with_its_items_and_sections()
    {
        var docx = new DocxMaker().Add(
            P("Title", R("Dagsorden")),
            P("Ældrerådet i Holbæk Kommune"),
            P("Mødedato: onsdag den 3. december 2025 kl. 14.00-16.00"),
            P("Mødested: Holbæk Rådhus, mødelokale 2"),
            P("Heading1", R("1. Godkendelse af dagsorden")),
            P("Heading2", R("Indstilling")),
            P("Det indstilles, at dagsordenen godkendes."),
            P("Heading1", R("2. Orientering om budget 2026")),
            P("Heading2", R("Sagsfremstilling")),
            P("Kommunalbestyrelsen vedtog budgettet i oktober. Administrationen orienterer om ældreområdet."),
            P("Heading2", R("Indstilling")),
            P("Det indstilles,"),
            P("at orienteringen tages til efterretning, og"),
            P("at ældrerådet drøfter prioriteringerne for 2026."),
            P("Heading1", R("3. Drøftelse af høringssvar om plejeboliger")),
            P("Heading2", R("Sagsfremstilling")),
            P("Ældrerådet skal afgive høringssvar senest den 15. december 2025."),
            P("Heading1", R("4. Eventuelt"))).Build();

        var read = DocumentReader.Read("dagsorden.docx", docx, ct: TestContext.Current.CancellationToken);
        Assert.True(read.IsSuccess, read.Errors is { Count: > 0 } e ? e[0].Message : "");
        var parsed = MeetingDocumentParser.Parse(read.Value!.Lines);

        Assert.Null(parsed.Error);
        Assert.Equal(ImportedKind.Agenda, parsed.Kind);
        var meeting = parsed.Meeting!;
        Assert.Equal(new DateOnly(2025, 12, 3), meeting.Date);
        Assert.Equal((new TimeOnly(14, 0), new TimeOnly(16, 0)), (meeting.Start, meeting.End));
        Assert.Equal([1, 2, 3, 4], meeting.Items.Select(i => i.Number));
        Assert.Equal(
            [ItemKind.Approval, ItemKind.Information, ItemKind.Discussion, ItemKind.AnyOtherBusiness],
            meeting.Items.Select(i => i.Kind));
        Assert.Contains("budget 2026", meeting.Items[1].Title, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([1, 2, 0, 0], meeting.Items.Select(i => i.Recommendation.Count));
        Assert.Contains("vedtog budgettet", meeting.Items[1].Presentation, StringComparison.Ordinal);
        Assert.All(meeting.Items, i => Assert.Null(i.Decision));
    }
}
