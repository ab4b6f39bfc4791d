using Raad.Domain.Agenda;
using Raad.Domain.Import;
using Raad.Domain.People;

namespace Raad.Domain.Tests.Import;

/// <summary>Other common Danish layouts, written for these tests (Documents/), against hand-written expectations.</summary>
public class OtherLayoutTests
{
    [Fact]
    public void Municipal_minutes_with_running_header_page_footers_and_a_hyphenated_word()
    {
        var doc = Expect.ParseDocument("a_okonomiudvalget_referat.txt");
        Assert.Null(doc.Error);
        Assert.Equal(ImportedKind.Minutes, doc.Kind);
        var m = doc.Meeting!;
        Assert.Equal(("Økonomiudvalget", "Referat"), (m.BodyName, m.Title));
        Assert.Equal(new DateOnly(2025, 3, 12), m.Date);
        Assert.Equal((new TimeOnly(16, 0), new TimeOnly(18, 0)), (m.Start, m.End));
        Assert.Equal("Mødelokale 1, Rådhuset, Torvet 1, 4300 Holbæk", m.Place);
        Assert.False(m.IsVirtual);
        Assert.Equal(4, m.Participants.Count);
        Assert.True(m.Participants.Single(p => p.Name == "Peter Lund").Absent);
        Assert.Equal("V", m.Participants.Single(p => p.Name == "Karen Holm").Party);

        Expect.Items(m,
            new(12, "Godkendelse af dagsorden", ItemKind.Approval, null, 0, true, ["Peter Lund"]),
            new(13, "Orientering om budgetopfølgning pr. 31. januar 2025", ItemKind.Information, null, 1, true, ["Peter Lund"],
                ["Budgetopfølgning januar 2025", "Oversigt over anlægsprojekter"]),
            new(14, "Beslutning om salg af grund på Havnevej 12", ItemKind.Decision, null, 2, true, ["Peter Lund", "Mette Jensen"],
                ["Købstilbud af 1. marts 2025"], Closed: true),
            new(15, "Eventuelt", ItemKind.AnyOtherBusiness, null, 0, true));

        var presentation = m.Items[1].Presentation!;
        Assert.Contains("særlige indsatser på beskæftigelsesområdet", presentation);
        Assert.Contains("flere anlægsprojekter er forsinket", presentation);
        Assert.DoesNotContain("Side", presentation);
        Assert.DoesNotContain("Referat", presentation);
        Assert.Equal("25/2231", m.Items[1].CaseNumber);
        Assert.Empty(doc.Warnings);
    }

    [Fact]
    public void Regional_agenda_with_numbered_clauses_a_closed_item_a_broken_title_and_a_contents_list()
    {
        var doc = Expect.ParseDocument("b_region_dagsorden.txt");
        Assert.Null(doc.Error);
        Assert.Equal(ImportedKind.Agenda, doc.Kind);
        var m = doc.Meeting!;
        Assert.Equal(("Udvalget for Sundhed og Sammenhæng", "Dagsorden"), (m.BodyName, m.Title));
        Assert.Equal(new DateOnly(2025, 11, 4), m.Date);
        Assert.Equal((new TimeOnly(13, 0), new TimeOnly(15, 30)), (m.Start, m.End));
        Assert.Equal("Regionshuset, Alléen 15, 4180 Sorø, mødelokale A", m.Place);

        Expect.Items(m,
            new(1, "Godkendelse af dagsorden", ItemKind.Approval, null, 1, false),
            new(2, "Orientering om ventetider i psykiatrien", ItemKind.Information, null, 1, false,
                Attachments: ["Ventetider i psykiatrien, 3. kvartal 2025"]),
            new(3, "Drøftelse af model for nære sundhedstilbud i samarbejde med kommunerne", ItemKind.Discussion, null, 2, false),
            new(4, "Udbud af patientbefordring", ItemKind.Decision, null, 3, false, Closed: true),
            new(5, "Eventuelt", ItemKind.AnyOtherBusiness, null, 0, false));

        Assert.Equal("at kontrakten tildeles efter laveste pris, og", m.Items[3].Recommendation[1]);
        // The numbered list inside item 3's text is not taken for items; the page number "3" is not text.
        Assert.Contains("3. Almen praksis inddrages fra start.", m.Items[2].Presentation);
        Assert.Equal("Ventetiden til udredning er faldet fra 62 til 48 dage. Ventetiden til behandling er uændret.", m.Items[1].Presentation);
        Assert.Equal("Modellen forelægges regionsrådet i december 2025.", m.Items[2].FurtherProcess);
        // Item 4's kind is a guess, and said to be one, with its line.
        var warning = Assert.Single(doc.Warnings);
        Assert.Equal(m.Items[3].Line, warning.Line);
        Assert.Contains("punkttypen", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_protocol_with_decision_in_committee_headings_and_absence_lists()
    {
        var doc = Expect.ParseDocument("c_social_sundhed_beslutningsprotokol.txt");
        Assert.Null(doc.Error);
        Assert.Equal(ImportedKind.Minutes, doc.Kind);
        var m = doc.Meeting!;
        Assert.Equal(("Social- og Sundhedsudvalget", "Beslutningsprotokol"), (m.BodyName, m.Title));
        Assert.Equal(new DateOnly(2025, 6, 3), m.Date);
        Assert.Equal(new TimeOnly(15, 30), m.Start);
        Assert.Null(m.End);
        Assert.Equal("Byrådssalen, Rådhuset, Vestergade 1, 8600 Silkeborg", m.Place);
        Assert.Equal(["Anne Sørensen", "Bo Kristensen", "Camilla Nørgaard", "Dennis Holm", "Eva Lauritsen"], m.Participants.Select(p => p.Name));
        Assert.Equal(["Bo Kristensen"], m.Participants.Where(p => p.Absent).Select(p => p.Name));
        Assert.All(m.Participants, p => Assert.Equal(MembershipRole.Member, p.Role));

        Expect.Items(m,
            new(45, "Meddelelser", ItemKind.Announcement, null, 0, true, ["Bo Kristensen"]),
            new(46, "Kvalitetsstandard for hjemmepleje 2026", ItemKind.Approval, 20, 2, true, ["Bo Kristensen"],
                ["Kvalitetsstandard for hjemmepleje 2026", "Høringssvar fra Ældrerådet"]),
            new(47, "Fremtidens genoptræning", ItemKind.Discussion, 45, 1, true, ["Bo Kristensen", "Eva Lauritsen"]),
            new(48, "Eventuelt", ItemKind.AnyOtherBusiness, null, 0, true, ["Bo Kristensen"]));

        Assert.Equal("at kvalitetsstandarden for hjemmepleje 2026 godkendes, og", m.Items[1].Recommendation[0]);
        Assert.Equal("at udvalget drøfter fremtidens genoptræning.", m.Items[2].Recommendation[0]);
        Assert.Equal("Indstillingen blev godkendt. Dennis Holm (O) stemte imod.", m.Items[1].Decision);
        Assert.Equal("27.12.00-P22-3-25", m.Items[1].CaseNumber);
    }

    [Fact]
    public void Docx_heading_levels_mark_items_and_sections()
    {
        var n = 0;
        SourceLine L(string text, int? level = null) => new(text, ++n, 1, level);
        SourceLine[] lines =
        [
            L("Dagsorden", 1),
            L("Børne- og Ungeudvalget"),
            L("Dato: 5. maj 2025 kl. 17.00-19.00"),
            L("Sted: Rådhuset, mødelokale 3"),
            L("1. Godkendelse af dagsorden", 1),
            L("Indstilling", 2),
            L("Det indstilles, at dagsordenen godkendes."),
            L("2. Skolernes trivselsmåling", 1),
            L("Sagsfremstilling", 2),
            L("Trivslen er steget på alle skoler. Eleverne peger på tre ting:"),
            L("3. Bedre frikvarterer"),
            L("4. Flere voksne i timerne"),
            L("Indstilling", 2),
            L("at målingen tages til efterretning."),
            L("Status på ombygning af Vestskolen", 1),
            L("Sagsfremstilling", 2),
            L("Ombygningen er forsinket to måneder."),
            L("Beslutning", 2),
            L("Taget til efterretning."),
        ];

        var doc = MeetingDocumentParser.Parse(lines);
        Assert.Null(doc.Error);
        var m = doc.Meeting!;
        Assert.Equal(("Børne- og Ungeudvalget", "Dagsorden", new DateOnly(2025, 5, 5)), (m.BodyName, m.Title, m.Date));
        Expect.Items(m,
            new(1, "Godkendelse af dagsorden", ItemKind.Approval, null, 1, false),
            new(2, "Skolernes trivselsmåling", ItemKind.Decision, null, 1, false),
            new(3, "Status på ombygning af Vestskolen", ItemKind.Decision, null, 0, true));
        Assert.Contains("4. Flere voksne i timerne", m.Items[1].Presentation);
        Assert.Equal("Ombygningen er forsinket to måneder.", m.Items[2].Presentation);
        // The unnumbered heading's number, and the two kinds not in their titles, are said, not silently guessed.
        Assert.Contains(doc.Warnings, w => w.Line == 15 && w.Message.Contains("punktnummer", StringComparison.Ordinal));
        Assert.Equal(2, doc.Warnings.Count(w => w.Message.Contains("punkttypen", StringComparison.Ordinal)));
    }
}
