using Raad.Domain.Money;

namespace Raad.Web.Tests.Economy;

/// <summary>Tabel 1 of 27 August 2025 (`000` item 5), by hand: the figures every export must reproduce.</summary>
internal static class Tabel1
{
    public const string Body = "Politisk Sundhedsklynge Syd";
    public static readonly DateOnly AsOf = new(2025, 8, 27);

    public static EconomySnapshot Snapshot() => Of(
        Row("Den gode overgang – fra indlæggelse til udskrivelse", 4_000_000m, 4_000_000m, 240_000m),
        Row("Følgeforskning ifm. Den gode overgang", 2_400_000m, 2_400_000m),
        Row("Styrkelse af midlertidige pladser ifm. Den gode overgang", 1_000_000m, 1_000_000m),
        Row("Den gode start på livet - fælles ammeindsats", 2_000_000m, 2_000_000m),
        Row("Tværsektoriel indsats om overvægt", 1_990_000m, 2_000_000m),
        Row("Implementering af samarbejdsaftalen på voksenpsykiatriområdet", 1_680_000m, 2_000_000m),
        Row("Implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet", 2_050_000m, 2_000_000m, 240_000m));

    /// <summary>
    /// Tabel 1 as the seed prints it (`000` item 5), read from the seed's text: header, seven rows, "I alt". Three slips of
    /// the seed are mended so that it reads as the system prints: "1. mio." and "1,68. mio." (a stray full stop) and
    /// "Tværasektoriel"; the empty first heading is "Projekt".
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Printed()
    {
        var lines = File.ReadAllLines(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "000_*.txt").Single());
        var start = Array.FindIndex(lines, l => l.StartsWith("Tabel 1:", StringComparison.Ordinal)) + 2;
        var end = Array.FindIndex(lines, start, l => l.StartsWith("I alt", StringComparison.Ordinal));
        return [.. lines[start..(end + 1)].Select((line, i) => (IReadOnlyList<string>)[.. line
            .Replace(". mio.", " mio.", StringComparison.Ordinal).Replace("Tværasektoriel", "Tværsektoriel", StringComparison.Ordinal)
            .Split('\t').Select((cell, c) => i == 0 && c == 0 ? "Projekt" : cell.Trim())])];
    }

    public const string ChildPsychiatry = "Implementering af samarbejdsaftalen på børne-/ungepsykiatriområdet";

    public static EconomyRow Row(string project, decimal expected, decimal granted, decimal remainder = 0) =>
        new(project, expected, granted, remainder, Math.Max(0, expected - granted));

    /// <summary>Totals as the domain computes them, with 15,6 mio. kr. received.</summary>
    public static EconomySnapshot Of(params EconomyRow[] rows)
    {
        const decimal received = 15_600_000m;
        var granted = rows.Sum(r => r.Granted);
        var expected = rows.Sum(r => r.ExpectedSpend);
        var totals = new EconomyTotals(received, granted, expected, granted - expected, received - granted, received - expected, rows.Sum(r => r.RemainderGranted));
        return new EconomySnapshot(AsOf, null, rows, totals);
    }
}
