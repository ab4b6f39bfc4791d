using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using Raad.Web.Features.Import;
using static Raad.Web.Tests.Import.DocxMaker;

namespace Raad.Web.Tests.Import;

public sealed class DocumentReaderTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_upload_reads_from_its_stream()
    {
        using var upload = new MemoryStream(new DocxMaker().Add(P("Heading1", R("Dagsorden"))).Build());

        var result = await DocumentReader.ReadAsync("dagsorden.docx", upload, null, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        Assert.Equal((SourceFormat.Docx, "Dagsorden", 1), (result.Value!.Format, result.Value.Lines[0].Text, result.Value.Lines[0].HeadingLevel));
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_without_reading_it_all_also_when_its_length_is_unknown()
    {
        var limits = new ReadLimits(MaxBytes: 100_000);
        using var seekable = new MemoryStream(new byte[150_000]);
        using var unknown = new ForwardOnly(new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 1_000_000))));

        var known = await DocumentReader.ReadAsync("stor.txt", seekable, limits, TestContext.Current.CancellationToken);
        var streamed = await DocumentReader.ReadAsync("stor.txt", unknown, limits, TestContext.Current.CancellationToken);

        Assert.Equal("Filen fylder 0,1 MB; Raad læser højst 0,1 MB. Del dokumentet op, eller fjern billeder.", Assert.Single(known.Errors).Message);
        Assert.Equal(ReadErrors.TooLargeCode, Assert.Single(streamed.Errors).Code);
        Assert.Equal("Filen fylder mere end 0,1 MB, som er det mest, Raad læser. Del dokumentet op, eller fjern billeder.", streamed.Errors[0].Message);
        Assert.True(unknown.Position < 1_000_000, "Hele strømmen blev læst.");
    }

    [Fact]
    public void A_500_page_word_document_reads_within_the_default_limits()
    {
        var maker = new DocxMaker();
        for (var page = 1; page <= 500; page++)
        {
            maker.Add(P("Heading1", R($"{page}. PUNKT NUMMER {page}")));
            for (var line = 1; line <= 30; line++)
            {
                maker.Add(P($"Sagsfremstilling for punkt {page}, afsnit {line}: tekst om sundhedsklyngens indsatser og budget."));
            }
            if (page < 500)
            {
                maker.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            }
        }
        var docx = maker.Build();
        var clock = Stopwatch.StartNew();

        var document = Read.Ok(docx, "stor.docx");

        output.WriteLine($"500 sider Word ({docx.Length / 1024} KB) læst på {clock.ElapsedMilliseconds} ms: {document.Lines.Count} linjer.");
        Assert.Equal(500, document.Pages);
        Assert.Equal(500 * 31, document.Lines.Count);
        Assert.Equal(("500. PUNKT NUMMER 500", 1, 500), (document.Lines[^31].Text, document.Lines[^31].HeadingLevel, document.Lines[^31].Page));
        Read.AssertWellFormed(document);
    }

    /// <summary>A stream that cannot seek, as a request body.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
