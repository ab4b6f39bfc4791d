using Raad.Domain.Common;

namespace Raad.Domain.Tests.Common;

/// <summary>The line diff a revised version of the minutes shows against the version before.</summary>
public class TextDiffTests
{
    /// <summary>
    /// Expected diffs written as "=kept|-removed|+added", one entry a line, "" for none. Written out by hand from what
    /// a reader of the revision expects, not read from the implementation.
    /// </summary>
    [Theory]
    // Identical texts: every line the same.
    [InlineData("a\nb\nc", "a\nb\nc", "=a|=b|=c")]
    [InlineData("Punkt 1", "Punkt 1", "=Punkt 1")]
    // One line changed in the middle: the old line removed, the new one added in its place, the rest kept around it.
    [InlineData("a\nb\nc", "a\nB\nc", "=a|-b|+B|=c")]
    [InlineData("a\nb\nc\nd\ne", "a\nb\nC\nd\ne", "=a|=b|-c|+C|=d|=e")]
    // Lines added at the end, at the start, in the middle.
    [InlineData("a\nb", "a\nb\nc", "=a|=b|+c")]
    [InlineData("a\nb", "a\nb\nc\nd", "=a|=b|+c|+d")]
    [InlineData("b\nc", "a\nb\nc", "+a|=b|=c")]
    [InlineData("a\nc", "a\nb\nc", "=a|+b|=c")]
    // Lines removed.
    [InlineData("a\nb\nc", "a\nc", "=a|-b|=c")]
    [InlineData("a\nb\nc", "b\nc", "-a|=b|=c")]
    [InlineData("a\nb\nc", "a\nb", "=a|=b|-c")]
    // Everything replaced.
    [InlineData("a", "b", "-a|+b")]
    // Empty before or after, or both.
    [InlineData("", "a\nb", "+a|+b")]
    [InlineData("a\nb", "", "-a|-b")]
    [InlineData("", "", "")]
    // Windows line endings are read as plain line breaks.
    [InlineData("a\r\nb\r\nc", "a\nb\nc", "=a|=b|=c")]
    [InlineData("a\nb\nc", "a\r\nb\r\nc", "=a|=b|=c")]
    [InlineData("a\r\nb\r\nc", "a\r\nB\r\nc", "=a|-b|+B|=c")]
    [InlineData("a\r\nb", "a\nb\nc", "=a|=b|+c")]
    public void Lines_are_compared_as_a_reader_of_the_revision_expects(string before, string after, string expected)
    {
        var diff = TextDiff.Lines(before, after);

        Assert.Equal(Parse(expected), diff.Select(d => (d.Kind, d.Text)));
    }

    public static TheoryData<string, string> Pairs() => new()
    {
        { "a\nb\nc", "a\nB\nc" },
        { "a\nb\nc\nb\na", "b\na\nc\nc\nb" },
        { "", "x\ny" },
        { "x\r\ny\r\n", "y\nx\n" },
        { "Punkt 1\nGodkendt.\nPunkt 2\nDrøftet.", "Punkt 1\nGodkendt.\nPunkt 2\nDrøftet og taget til efterretning.\nPunkt 3\nIntet." },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_kept_and_removed_lines_rebuild_the_old_text_and_the_kept_and_added_lines_the_new(string before, string after)
    {
        var diff = TextDiff.Lines(before, after);

        Assert.Equal(Lf(before), string.Join('\n', diff.Where(d => d.Kind != DiffKind.Added).Select(d => d.Text)));
        Assert.Equal(Lf(after), string.Join('\n', diff.Where(d => d.Kind != DiffKind.Removed).Select(d => d.Text)));
        Assert.All(diff, d => Assert.DoesNotContain('\r', d.Text));
    }

    [Fact]
    public void The_revision_of_syds_minutes_shows_the_changed_paragraph_in_place()
    {
        const string Version1 = "Punkt 1. Velkomst og godkendelse af dagsorden\n"
            + "Dagsordenen blev godkendt.\n"
            + "Punkt 3. Sundhedsreform\n"
            + "Orienteringen blev taget til efterretning.\n"
            + "Punkt 6. Eventuelt\n"
            + "Intet.";
        const string Version2 = "Punkt 1. Velkomst og godkendelse af dagsorden\n"
            + "Dagsordenen blev godkendt.\n"
            + "Punkt 3. Sundhedsreform\n"
            + "Orienteringen blev taget til efterretning med bemærkning om sundhedsrådets sekretariat.\n"
            + "Punkt 6. Eventuelt\n"
            + "Intet.";

        var diff = TextDiff.Lines(Version1, Version2);

        Assert.Equal(
            [
                (DiffKind.Same, "Punkt 1. Velkomst og godkendelse af dagsorden"),
                (DiffKind.Same, "Dagsordenen blev godkendt."),
                (DiffKind.Same, "Punkt 3. Sundhedsreform"),
                (DiffKind.Removed, "Orienteringen blev taget til efterretning."),
                (DiffKind.Added, "Orienteringen blev taget til efterretning med bemærkning om sundhedsrådets sekretariat."),
                (DiffKind.Same, "Punkt 6. Eventuelt"),
                (DiffKind.Same, "Intet."),
            ],
            diff.Select(d => (d.Kind, d.Text)));
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static (DiffKind, string)[] Parse(string expected) =>
        [.. expected.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(e => (e[0] switch
        {
            '=' => DiffKind.Same,
            '-' => DiffKind.Removed,
            '+' => DiffKind.Added,
            _ => throw new ArgumentException($"\"{e}\" does not start with =, - or +.", nameof(expected)),
        }, e[1..]))];
}
