using Raad.Domain.Import;

namespace Raad.Domain.Tests.Import;

/// <summary>The rules that undo the damage of PDF text extraction.</summary>
public class LineCleanupTests
{
    private static List<string> Clean(string text) => LineCleanup.Clean(TextLines.Split(text)).Lines.Select(l => l.Text).ToList();

    [Theory]
    [InlineData("er mødele-\n\nder.", "er mødeleder.")]
    [InlineData("de særlige indsat-\nser på området", "de særlige indsatser på området")]
    [InlineData("I SAMARBEJDET MELLEM PSYKIATRIEN OG KOM-\nMUNERNE OG BESLUTNING", "I SAMARBEJDET MELLEM PSYKIATRIEN OG KOMMUNERNE OG BESLUTNING")]
    [InlineData("for sundheds-\nog omsorgsområdet", "for sundheds- og omsorgsområdet")]
    [InlineData("aftalen for 2024-\n2027.", "aftalen for 2024-2027.")]
    [InlineData("udarbejdet af SSU-\nsekretariatet", "udarbejdet af SSU-sekretariatet")]
    public void Hyphenated_words_are_joined(string text, string joined) => Assert.Equal([joined], Clean(text));

    [Theory]
    [InlineData("brev til Indenrigs- og\nSundhedsministeriet")]
    [InlineData("Bilag 1 -\nNotat")]
    [InlineData("nedenstående -\nog mere")]
    public void A_hyphen_that_does_not_break_a_word_stays(string text) => Assert.Equal(2, Clean(text).Count);

    [Theory]
    [InlineData("Side 16")]
    [InlineData(" Side 16  ")]
    [InlineData("Side 3 af 7")]
    [InlineData("3")]
    [InlineData("- 12 -")]
    [InlineData("Økonomiudvalget 12-03-2025 Side 3 af 7")]
    public void Page_number_lines_are_dropped(string line)
    {
        Assert.True(LineCleanup.IsPageNumber(line));
        Assert.Equal(["før", "efter"], Clean($"før\n{line}\nefter"));
    }

    [Theory]
    [InlineData("2023")]
    [InlineData("Se side 3")]
    [InlineData("Den 3. side af sagen")]
    public void Lines_that_only_look_like_page_numbers_stay(string line) => Assert.False(LineCleanup.IsPageNumber(line));

    [Fact]
    public void Running_header_on_every_page_is_dropped()
    {
        string[] body = ["Budgettet", "Anlæg", "Drift", "Personale"];
        var text = string.Join('\f', Enumerable.Range(0, 4).Select(p => $"Økonomiudvalget – Referat – 12. marts 2025\n{body[p]} i år.\nMere tekst.\n{body[p]} næste år.\nSide {p + 1} af 4"));
        var expected = body.SelectMany(b => new[] { $"{b} i år.", "Mere tekst.", $"{b} næste år." });
        Assert.Equal(expected, Clean(text));
    }

    [Fact]
    public void Contents_lines_with_dot_leaders_are_skipped_and_kept_as_contents()
    {
        const string text = """
            Indhold
            1. VELKOMST OG GODKENDELSE AF DAGSORDEN.....	4
            2. DRØFTELSE: AFRAPPORTERING FRA PROJEKTER I SUNDHEDSKLYNGE SYD	5
            3. Orientering om ventetider ........................ 12
            Godkendelse af referat . . . . . . . 20
            1. VELKOMST OG GODKENDELSE AF DAGSORDEN
            Initiativer	2025	2026	2027
            """;
        var cleaned = LineCleanup.Clean(TextLines.Split(text));
        Assert.Equal(
            ["1. VELKOMST OG GODKENDELSE AF DAGSORDEN", "2. DRØFTELSE: AFRAPPORTERING FRA PROJEKTER I SUNDHEDSKLYNGE SYD", "3. Orientering om ventetider", "Godkendelse af referat"],
            cleaned.Contents.Select(l => l.Text));
        Assert.Equal(["1. VELKOMST OG GODKENDELSE AF DAGSORDEN", "Initiativer\t2025\t2026\t2027"], cleaned.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Title_over_two_lines_is_joined()
    {
        var doc = MeetingDocumentParser.Parse(TextLines.Split("""
            Dagsorden
            Møde i: Sundhedsudvalget
            Dato: 1. oktober 2025 kl. 10.00-12.00
            Sted: Rådhuset
            1. BESLUTNING OM PRINCIPPER FOR ANVENDELSE

            AF MIDLER OG RESSOURCER
            Forventet varighed: 20 min
            2. BESLUTNING OM INDSATSER PÅ DET PSYKIATRISKE OMRÅDE FOR
            2023
            Forventet varighed: 25 min.
            3. Drøftelse af model for nære sundhedstilbud i
            samarbejde med kommunerne
            Sagsnr.: 25-1
            4. Godkendelse af dagsorden
            Sagen er kort.
            """));
        Assert.Equal(
            ["Beslutning om principper for anvendelse af midler og ressourcer", "Beslutning om indsatser på det psykiatriske område for 2023",
                "Drøftelse af model for nære sundhedstilbud i samarbejde med kommunerne", "Godkendelse af dagsorden"],
            doc.Meeting!.Items.Select(i => i.Title));
        Assert.Equal("Sagen er kort.", doc.Meeting.Items[3].Presentation);
    }

    [Fact]
    public void Text_lines_count_form_feeds_as_pages()
    {
        var lines = TextLines.Split("a\r\nb\fc\n\fd\n\ne");
        Assert.Equal([("a", 1, 1), ("b", 2, 1), ("c", 3, 2), ("d", 4, 3), ("", 5, 3), ("e", 6, 3)], lines.Select(l => (l.Text, l.Number, l.Page)));
    }
}
