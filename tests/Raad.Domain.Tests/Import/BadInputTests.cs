using Raad.Domain.Import;

namespace Raad.Domain.Tests.Import;

/// <summary>Input that is not an agenda or minutes: a clear Danish error, nothing to import, no exception.</summary>
public class BadInputTests
{
    private static void AssertNothingToImport(ParsedDocument doc)
    {
        Assert.False(string.IsNullOrWhiteSpace(doc.Error));
        Assert.Null(doc.Kind);
        Assert.Null(doc.Meeting);
        Assert.Null(doc.Annexes);
    }

    [Fact]
    public void Empty_list()
    {
        var doc = MeetingDocumentParser.Parse([]);
        AssertNothingToImport(doc);
        Assert.Equal(MeetingDocumentParser.EmptyError, doc.Error);
    }

    [Fact]
    public void Null_list_and_null_lines()
    {
        AssertNothingToImport(MeetingDocumentParser.Parse(null));
        AssertNothingToImport(MeetingDocumentParser.Parse([null!, new SourceLine(null!, 2)]));
    }

    [Fact]
    public void Only_blank_lines()
    {
        var doc = MeetingDocumentParser.Parse(TextLines.Split("\n   \n\t\n\f\n \u00A0 \n"));
        AssertNothingToImport(doc);
        Assert.Equal(MeetingDocumentParser.EmptyError, doc.Error);
    }

    [Fact]
    public void Random_bytes_decoded_as_text()
    {
        var random = new Random(20250827);
        foreach (var encoding in new[] { System.Text.Encoding.UTF8, System.Text.Encoding.Latin1 })
        {
            var bytes = new byte[20_000];
            random.NextBytes(bytes);
            var doc = MeetingDocumentParser.Parse(TextLines.Split(encoding.GetString(bytes)));
            AssertNothingToImport(doc);
        }
    }

    [Fact]
    public void English_text_is_not_a_Danish_agenda()
    {
        const string text = """
            AGENDA
            Meeting of the Health Committee
            Date: 27 August 2025, 2.00-4.00 pm
            Place: City Hall, Room 2

            1. WELCOME AND APPROVAL OF THE AGENDA
            Expected duration: 5 minutes
            RECOMMENDATION
            It is recommended that the committee approves the agenda.

            2. DISCUSSION: REPORTS FROM THE PROJECTS
            The committee will be presented with the final reports of the three remaining projects, and is asked
            to discuss their results and give recommendations to the coming health council.
            """;
        var doc = MeetingDocumentParser.Parse(TextLines.Split(text));
        AssertNothingToImport(doc);
        Assert.Equal(MeetingDocumentParser.LanguageError, doc.Error);
        Assert.Contains("dansk", doc.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Danish_prose_without_items()
    {
        const string text = """
            Notat om sundhedsreformen

            Regeringen indgik den 15. november 2024 en politisk aftale om en sundhedsreform med ikrafttrædelse
            per 1. januar 2027. Reformen betyder, at der kommer betydelige forandringer i den nuværende struktur,
            opgavefordeling og økonomi på sundhedsområdet. De nuværende sundhedsklynger nedlægges og erstattes af
            sundhedsråd, og det er derfor relevant at drøfte, hvordan de gode erfaringer kan føres videre.

            Notatet er udarbejdet af sekretariatet til orientering for medlemmerne.
            """;
        var doc = MeetingDocumentParser.Parse(TextLines.Split(text));
        AssertNothingToImport(doc);
        Assert.Equal(MeetingDocumentParser.NoItemsError, doc.Error);
        Assert.Contains("dagsordenspunkter", doc.Error, StringComparison.Ordinal);
        Assert.Empty(doc.Warnings);
    }

    [Fact]
    public void A_single_huge_line_and_many_hyphens_parse_quickly()
    {
        var huge = string.Concat(Enumerable.Repeat("Dato: 1. januar 2025 at der og ", 20_000));
        var hyphens = string.Join('\n', Enumerable.Repeat("SUNDHEDS-", 20_000));
        var dots = "1. TITEL" + new string('.', 100_000) + " 4";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var text in new[] { huge, hyphens, dots, new string('(', 50_000), new string('1', 50_000) + ". X" })
            _ = MeetingDocumentParser.Parse(TextLines.Split(text));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
