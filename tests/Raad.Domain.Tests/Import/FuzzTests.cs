using System.Diagnostics;
using System.Text;
using Raad.Domain.Import;

namespace Raad.Domain.Tests.Import;

/// <summary>
/// Mutated seeds (lines deleted, duplicated, shuffled, truncated, characters corrupted): the parser never throws, each
/// parse is quick, and each result is either an error or something to import, with warnings pointing at real lines.
/// </summary>
public class FuzzTests
{
    private const int Cases = 10_000;

    [Fact]
    public void Ten_thousand_mutated_seeds()
    {
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f).Split('\n'))
            .ToArray();
        var random = new Random(4711);
        var total = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var errors = 0;
        for (var n = 0; n < Cases; n++)
        {
            var lines = Mutate(seeds[n % seeds.Length], random);
            var source = TextLines.Split(string.Join('\n', lines));
            var watch = Stopwatch.StartNew();
            var doc = MeetingDocumentParser.Parse(source);
            var took = watch.Elapsed;
            if (took > slowest)
                slowest = took;
            Assert.True(took < TimeSpan.FromSeconds(2), $"case {n} took {took}");

            Assert.NotEqual(MeetingDocumentParser.InternalError, doc.Error);
            var hasContent = doc.Meeting is not null || doc.Annexes is not null;
            Assert.True(doc.Error is null == hasContent, $"case {n}: error \"{doc.Error}\" but meeting {doc.Meeting is not null}, annexes {doc.Annexes is not null}");
            Assert.Equal(doc.Error is null, doc.Kind is not null);
            if (doc.Error is not null)
                errors++;
            foreach (var w in doc.Warnings)
                Assert.InRange(w.Line, 0, source.Count);
            if (doc.Meeting is { } m)
            {
                Assert.NotEmpty(m.Items);
                Assert.True(m.Items.Select(i => i.Number).Zip(m.Items.Skip(1).Select(i => i.Number)).All(p => p.First < p.Second), $"case {n}: item numbers not increasing");
                Assert.All(m.Items, i => Assert.InRange(i.Line, 1, source.Count));
            }
        }

        // Most mutations keep enough of a seed to import. The bound on time is per parse (above): a parser that turned
        // quadratic or backtracked would blow it by orders of magnitude, while the whole run's length depends on what
        // else the machine is doing (15 s idle, 90 s under a parallel build), so it is reported, not asserted.
        Assert.True(errors < Cases / 2, $"{errors} of {Cases} gave an error");
        TestContext.Current.SendDiagnosticMessage($"{Cases} cases in {total.Elapsed}, slowest {slowest}");
    }

    private static List<string> Mutate(string[] seed, Random random)
    {
        var lines = new List<string>(seed);
        var operations = random.Next(1, 8);
        for (var o = 0; o < operations && lines.Count > 0; o++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(8))
            {
                case 0: // delete a run of lines
                    lines.RemoveRange(at, Math.Min(random.Next(1, 40), lines.Count - at));
                    break;
                case 1: // duplicate a run
                    lines.InsertRange(at, lines.GetRange(at, Math.Min(random.Next(1, 30), lines.Count - at)));
                    break;
                case 2: // shuffle a window
                    var count = Math.Min(random.Next(2, 60), lines.Count - at);
                    var window = lines.GetRange(at, count).OrderBy(_ => random.Next()).ToList();
                    lines.RemoveRange(at, count);
                    lines.InsertRange(at, window);
                    break;
                case 3: // truncate the document
                    lines.RemoveRange(at, lines.Count - at);
                    break;
                case 4: // corrupt characters in a few lines
                    for (var k = 0; k < 10 && lines.Count > 0; k++)
                    {
                        var i = random.Next(lines.Count);
                        lines[i] = Corrupt(lines[i], random);
                    }

                    break;
                case 5: // cut a line in two, as a bad PDF extraction does
                    var line = lines[at];
                    if (line.Length > 2)
                    {
                        var cut = random.Next(1, line.Length);
                        lines[at] = line[..cut] + (random.Next(2) == 0 ? "-" : "");
                        lines.Insert(at + 1, line[cut..]);
                    }

                    break;
                case 6: // page furniture and form feeds
                    lines.Insert(at, random.Next(3) switch { 0 => $"Side {random.Next(1, 40)}", 1 => "\f", _ => random.Next(1, 999).ToString(System.Globalization.CultureInfo.InvariantCulture) });
                    break;
                default: // an item heading out of place
                    lines.Insert(at, random.Next(2) == 0 ? $"{random.Next(0, 40)}. DRØFTELSE: TITEL" : $"Punkt {random.Next(0, 40)}: Titel");
                    break;
            }
        }

        return lines;
    }

    private static string Corrupt(string line, Random random)
    {
        if (line.Length == 0)
            return ((char)random.Next(0, 0x3000)).ToString();
        var sb = new StringBuilder(line);
        for (var k = 0; k < 3; k++)
        {
            var i = random.Next(sb.Length);
            sb[i] = random.Next(4) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x80, 0x3000),
                2 => "():.-–\t§".ElementAt(random.Next(8)),
                _ => (char)random.Next('0', '9' + 1),
            };
        }

        return sb.ToString();
    }
}
