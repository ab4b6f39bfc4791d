using Raad.Domain.Common;
using Raad.Domain.Import;
using Raad.Web.Features.Import;

namespace Raad.Web.Tests.Import;

internal static class Read
{
    public static SourceDocument Ok(byte[] content, string name = "dokument", ReadLimits? limits = null)
    {
        var result = DocumentReader.Read(name, content, limits, TestContext.Current.CancellationToken);
        Assert.True(result.IsSuccess, $"Ikke læst: {string.Join("; ", (result.Errors ?? []).Select(e => $"{e.Code}: {e.Message}"))}");
        return result.Value!;
    }

    public static Error Fails(byte[] content, string name = "dokument", ReadLimits? limits = null)
    {
        var result = DocumentReader.Read(name, content, limits, TestContext.Current.CancellationToken);
        if (result.IsSuccess)
        {
            Assert.Fail("Læst, men skulle fejle: " + string.Join(" | ", result.Value!.Lines.Select(l => l.Text)));
        }
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("import.", error.Code, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    /// <summary>The lines' texts, blank lines included.</summary>
    public static string[] Texts(this SourceDocument document) => [.. document.Lines.Select(l => l.Text)];

    public static SourceLine Line(this SourceDocument document, string text) =>
        Assert.Single(document.Lines, l => l.Text == text);

    public static byte[] Fixture(string name)
    {
        using var stream = typeof(Read).Assembly.GetManifestResourceStream("Import." + name)
            ?? throw new InvalidOperationException($"No fixture {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Every line numbered 1, 2, 3 ... in order, and no blank line first, last or twice in a row.</summary>
    public static void AssertWellFormed(SourceDocument document)
    {
        Assert.NotEmpty(document.Lines);
        for (var i = 0; i < document.Lines.Count; i++)
        {
            Assert.Equal(i + 1, document.Lines[i].Number);
            Assert.InRange(document.Lines[i].Page, 1, Math.Max(1, document.Pages));
            if (i > 0)
            {
                Assert.True(document.Lines[i].Page >= document.Lines[i - 1].Page, "Pages go back.");
                Assert.False(document.Lines[i].Text.Length == 0 && document.Lines[i - 1].Text.Length == 0, "Two blank lines.");
            }
        }
        Assert.NotEqual("", document.Lines[0].Text);
        Assert.NotEqual("", document.Lines[^1].Text);
    }
}
