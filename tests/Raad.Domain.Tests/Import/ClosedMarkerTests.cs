using Raad.Domain.Import;

namespace Raad.Domain.Tests.Import;

/// <summary>
/// Closed stays closed: every way an agenda marks an item closed ("Lukket punkt", "LUKKET PUNKT", "Lukket:",
/// "Lukket sag", "[lukket]", "(Lukket)" ...), in the heading or on a line of its own, imports the item closed,
/// and the open items around it stay open.
/// </summary>
public class ClosedMarkerTests
{
    /// <summary>A municipal agenda whose item 14 is written with the heading and the line given.</summary>
    public static string Agenda(string heading, string? line = null) => $"""
        Dagsorden

        Økonomiudvalget

        Mødedato: Onsdag den 12. marts 2025
        Mødetidspunkt: Kl. 16.00-18.00
        Mødested: Mødelokale 1, Rådhuset, Torvet 1, 4300 Holbæk

        13. Orientering om budgetopfølgning
        Sagsnr.: 25/2231

        Sagsfremstilling
        Budgetopfølgningen viser et mindreforbrug på driften.

        Indstilling
        at budgetopfølgningen tages til efterretning.

        {heading}
        {line ?? ""}
        Sagsnr.: 24/9876

        Sagsfremstilling
        Kommunen har modtaget to bud på grunden.

        Indstilling
        at grunden sælges til højestbydende.

        15. Eventuelt

        """;

    public static TheoryData<string, string?> Markers => new()
    {
        { "14. Salg af grund på Havnevej 12 (Lukket punkt)", null },
        { "14. Salg af grund på Havnevej 12 (LUKKET PUNKT)", null },
        { "14. Salg af grund på Havnevej 12 (Lukket)", null },
        { "14. Salg af grund på Havnevej 12 [lukket]", null },
        { "14. Salg af grund på Havnevej 12 [Lukket punkt]", null },
        { "14. Salg af grund på Havnevej 12 - Lukket sag", null },
        { "14. Salg af grund på Havnevej 12 – LUKKET PUNKT", null },
        { "14. Lukket: Salg af grund på Havnevej 12", null },
        { "14. LUKKET PUNKT: Salg af grund på Havnevej 12", null },
        { "14. Lukket punkt - Salg af grund på Havnevej 12", null },
        { "14. [Lukket] Salg af grund på Havnevej 12", null },
        { "14. (Lukket) Salg af grund på Havnevej 12", null },
        { "14. Salg af grund på Havnevej 12", "Lukket punkt" },
        { "14. Salg af grund på Havnevej 12", "LUKKET PUNKT" },
        { "14. Salg af grund på Havnevej 12", "Lukket:" },
        { "14. Salg af grund på Havnevej 12", "Lukket sag" },
        { "14. Salg af grund på Havnevej 12", "[lukket]" },
        { "14. Salg af grund på Havnevej 12", "(Lukket)" },
        { "14. Salg af grund på Havnevej 12", "Lukket punkt." },
        { "14. Salg af grund på Havnevej 12", "Punktet behandles for lukkede døre" },
        { "14. Salg af grund på Havnevej 12", "Lukket: Sagen vedrører forhandlinger om køb og salg." },
    };

    [Theory]
    [MemberData(nameof(Markers))]
    public void A_closed_marker_imports_the_item_closed_and_the_title_without_it(string heading, string? line)
    {
        var doc = MeetingDocumentParser.Parse(TextLines.Split(Agenda(heading, line)));

        Assert.Null(doc.Error);
        var items = doc.Meeting!.Items;
        Assert.Equal([13, 14, 15], items.Select(i => i.Number));
        Assert.Equal([false, true, false], items.Select(i => i.IsClosed));
        Assert.Equal("Salg af grund på Havnevej 12", items[1].Title);
        Assert.Equal("24/9876", items[1].CaseNumber);
    }

    [Theory]
    [InlineData("14. Salg af grund på Havnevej 12", null)]
    [InlineData("14. Salg af grund på Havnevej 12 (Åben)", null)]
    [InlineData("14. Salg af grund på Havnevej 12", "Åbent punkt")]
    [InlineData("14. Status for lukket afdeling på Havnevej 12", null)]
    public void An_item_without_a_closed_marker_stays_open(string heading, string? line)
    {
        var doc = MeetingDocumentParser.Parse(TextLines.Split(Agenda(heading, line)));

        Assert.Null(doc.Error);
        Assert.All(doc.Meeting!.Items, i => Assert.False(i.IsClosed, $"Punkt {i.Number} er læst som lukket."));
    }
}
