using Raad.Domain.Agenda;

namespace Raad.Domain.Tests.Agenda;

public class AttachmentPolicyTests
{
    private const long MB = 1024 * 1024;
    private const long Max = AttachmentPolicy.DefaultMaxBytes;

    private static readonly Dictionary<string, byte[]> Heads = new()
    {
        ["pdf"] = "%PDF-1.7\n%âãÏÓ"u8.ToArray(),
        ["zip"] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00],
        ["png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D],
        ["jpeg"] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46],
        ["exe"] = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
        ["text"] = "Referat af mødet"u8.ToArray(),
        ["none"] = [],
    };

    [Theory]
    [InlineData("Bilag 1 - Afrapportering.pdf", "pdf", "application/pdf")]
    [InlineData("Projektbeskrivelse.docx", "zip", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("Økonomiopfølgning.xlsx", "zip", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("Organisationsdiagram.png", "png", "image/png")]
    [InlineData("Foto.jpg", "jpeg", "image/jpeg")]
    [InlineData("Foto.jpeg", "jpeg", "image/jpeg")]
    [InlineData("REFERAT.PDF", "pdf", "application/pdf")]
    [InlineData("Foto.JPG", "jpeg", "image/jpeg")]
    public void Allowed_file_whose_first_bytes_match_is_accepted_with_its_content_type(string fileName, string head, string contentType)
    {
        var (type, error) = AttachmentPolicy.Check(fileName, 250_000, Heads[head], Max);

        Assert.Null(error);
        Assert.Equal(contentType, type);
    }

    [Theory]
    [InlineData("program.exe", "exe", ".exe")]
    [InlineData("referat.pdf.exe", "exe", ".exe")]
    [InlineData("gammelt referat.doc", "text", ".doc")]
    [InlineData("bilag.zip", "zip", ".zip")]
    [InlineData("side.html", "text", ".html")]
    [InlineData("referat.txt", "text", ".txt")]
    [InlineData("referat", "pdf", "referat")]
    public void File_type_not_on_the_list_is_refused_whatever_its_content(string fileName, string head, string named)
    {
        var (type, error) = AttachmentPolicy.Check(fileName, 250_000, Heads[head], Max);

        Assert.Null(type);
        Assert.NotNull(error);
        Assert.Equal("attachment.type_not_allowed", error.Code);
        Assert.Equal("File", error.Field);
        Assert.Equal($"Filtypen \"{named}\" kan ikke bruges som bilag. Tilladte typer: PDF, DOCX, XLSX, PNG og JPEG.", error.Message);
    }

    [Theory]
    [InlineData("referat.pdf", "exe", "PDF")]
    [InlineData("referat.pdf", "text", "PDF")]
    [InlineData("referat.pdf", "zip", "PDF")]
    [InlineData("projekt.docx", "pdf", "DOCX")]
    [InlineData("budget.xlsx", "exe", "XLSX")]
    [InlineData("diagram.png", "jpeg", "PNG")]
    [InlineData("foto.jpg", "png", "JPG")]
    [InlineData("foto.jpeg", "text", "JPEG")]
    [InlineData("referat.pdf", "none", "PDF")]
    public void File_whose_bytes_do_not_match_its_name_is_refused(string fileName, string head, string kind)
    {
        var (type, error) = AttachmentPolicy.Check(fileName, 250_000, Heads[head], Max);

        Assert.Null(type);
        Assert.NotNull(error);
        Assert.Equal("attachment.content_mismatch", error.Code);
        Assert.Equal("File", error.Field);
        Assert.Equal($"Filen \"{fileName}\" er ikke en gyldig {kind}-fil.", error.Message);
    }

    [Fact]
    public void Head_shorter_than_the_signature_is_refused()
    {
        var (_, error) = AttachmentPolicy.Check("referat.pdf", 3, "%PD"u8, Max);

        Assert.Equal("attachment.content_mismatch", error?.Code);
    }

    [Fact]
    public void File_of_exactly_the_limit_is_accepted()
    {
        var (type, error) = AttachmentPolicy.Check("referat.pdf", Max, Heads["pdf"], Max);

        Assert.Null(error);
        Assert.Equal("application/pdf", type);
    }

    [Theory]
    [InlineData(30 * MB, "30 MB")]
    [InlineData(26 * MB + MB / 2, "26,5 MB")]
    public void File_over_the_limit_is_refused_and_the_message_gives_its_size_and_the_limit(long size, string sizeText)
    {
        var (type, error) = AttachmentPolicy.Check("Tabel 1.pdf", size, Heads["pdf"], Max);

        Assert.Null(type);
        Assert.NotNull(error);
        Assert.Equal("attachment.too_large", error.Code);
        Assert.Equal("File", error.Field);
        Assert.Equal($"Filen \"Tabel 1.pdf\" fylder {sizeText}. Bilag må højst fylde 25 MB.", error.Message);
        Assert.Contains("25 MB", error.Message);
    }

    [Fact]
    public void Limit_in_the_message_is_the_limit_that_was_applied()
    {
        var (_, error) = AttachmentPolicy.Check("Tabel 1.pdf", 12 * MB, Heads["pdf"], 10 * MB);

        Assert.Equal("attachment.too_large", error?.Code);
        Assert.EndsWith("Bilag må højst fylde 10 MB.", error?.Message);
    }

    [Fact]
    public void Size_is_checked_before_the_type()
    {
        var (_, error) = AttachmentPolicy.Check("program.exe", 30 * MB, Heads["exe"], Max);

        Assert.Equal("attachment.too_large", error?.Code);
    }

    // Suspected bug: FormatSize rounds to one decimal, so a file just over the limit is told
    // "Filen ... fylder 25 MB. Bilag må højst fylde 25 MB." — the refusal contradicts itself.
    [Theory]
    [InlineData(1)]
    [InlineData(40 * 1024)]
    public void File_just_over_the_limit_is_not_told_it_is_the_same_size_as_the_limit(long bytesOver)
    {
        var (_, error) = AttachmentPolicy.Check("Tabel 1.pdf", Max + bytesOver, Heads["pdf"], Max);

        Assert.Equal("attachment.too_large", error?.Code);
        Assert.DoesNotContain("fylder 25 MB.", error?.Message);
    }

    [Theory]
    [InlineData("tom.pdf")]
    [InlineData("tom.exe")]
    public void Empty_file_is_refused(string fileName)
    {
        var (type, error) = AttachmentPolicy.Check(fileName, 0, [], Max);

        Assert.Null(type);
        Assert.NotNull(error);
        Assert.Equal("attachment.empty", error.Code);
        Assert.Equal("File", error.Field);
        Assert.Equal($"Filen \"{fileName}\" er tom.", error.Message);
    }

    [Theory]
    [InlineData(10, "1 kB")]
    [InlineData(2048, "2 kB")]
    [InlineData(500 * 1024, "500 kB")]
    [InlineData(MB, "1 MB")]
    [InlineData(MB + MB / 2, "1,5 MB")]
    [InlineData(25 * MB, "25 MB")]
    public void Size_prints_in_kB_below_a_megabyte_and_in_MB_with_one_decimal_above(long bytes, string text)
    {
        Assert.Equal(text, AttachmentPolicy.FormatSize(bytes));
    }

    [Fact]
    public void Allowed_types_are_named_in_danish()
    {
        Assert.Equal("PDF, DOCX, XLSX, PNG og JPEG", AttachmentPolicy.AllowedText);
        Assert.Equal(25 * MB, AttachmentPolicy.DefaultMaxBytes);
    }
}
