using System.Globalization;
using Raad.Domain.Common;

namespace Raad.Web.Features.Import;

/// <summary>The readers' errors: stable codes for code and tests, Danish messages for the user that say what to do.</summary>
public static class ReadErrors
{
    public const string EmptyCode = "import.empty";
    public const string BinaryCode = "import.binary";
    public const string UnknownFormatCode = "import.unknown_format";
    public const string TooLargeCode = "import.too_large";
    public const string TooManyPagesCode = "import.too_many_pages";
    public const string PdfNoTextCode = "import.pdf_no_text";
    public const string PdfEncryptedCode = "import.pdf_encrypted";
    public const string PdfDamagedCode = "import.pdf_damaged";
    public const string DocxNotWordCode = "import.docx_not_word";
    public const string DocxDamagedCode = "import.docx_damaged";
    public const string UnreadableCode = "import.unreadable";
    public const string DocxTooComplexCode = "import.docx_too_complex";

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    internal static Error Empty(string? fileName) =>
        new(EmptyCode, $"{Name(fileName)} er tom – der er ingen tekst at importere.");

    internal static Error NoText =>
        new(EmptyCode, "Dokumentet indeholder ingen tekst at importere.");

    internal static Error Binary =>
        new(BinaryCode, "Filen er ikke en tekstfil, en PDF eller et Word-dokument (.docx), men ser ud til at være binære data. Vælg dagsordenen eller referatet som PDF, Word eller tekst.");

    internal static Error OldOffice =>
        new(UnknownFormatCode, "Filen er et ældre Office-dokument (fx .doc eller .xls) eller et Word-dokument med adgangskode. Gem det som .docx uden adgangskode eller som PDF, og prøv igen.");

    internal static Error Rtf =>
        new(UnknownFormatCode, "Filen er i RTF-format, som Raad ikke kan læse. Gem den som .docx eller PDF, og prøv igen.");

    internal static Error Html =>
        new(UnknownFormatCode, "Filen er en webside (HTML), ikke dokumentet – måske en login- eller fejlside, der er gemt i stedet for det. Hent dokumentet igen som PDF eller Word.");

    internal static Error Image =>
        new(UnknownFormatCode, "Filen er et billede. Raad kan kun læse tekst: brug dokumentet som PDF med tekst, Word (.docx) eller tekstfil.");

    internal static Error TooLarge(long bytes, long max) =>
        new(TooLargeCode, $"Filen fylder {Megabytes(bytes)} MB; Raad læser højst {Megabytes(max)} MB. Del dokumentet op, eller fjern billeder.");

    internal static Error TooLargeUnknown(long max) =>
        new(TooLargeCode, $"Filen fylder mere end {Megabytes(max)} MB, som er det mest, Raad læser. Del dokumentet op, eller fjern billeder.");

    internal static Error TooLargeUnpacked(long bytes, long max) =>
        new(TooLargeCode, $"Word-dokumentet fylder {Megabytes(bytes)} MB udpakket; Raad læser højst {Megabytes(max)} MB. Del dokumentet op.");

    internal static Error TooLargeUnpacked(long max) =>
        new(TooLargeCode, $"Word-dokumentets tekst og opmærkning fylder mere end {Megabytes(max)} MB udpakket; Raad læser ikke så store dokumenter. Del dokumentet op, eller brug en PDF.");

    internal static Error TooManyPages(int pages, int max) =>
        new(TooManyPagesCode, $"Dokumentet har {pages.ToString("N0", Danish)} sider; Raad læser højst {max.ToString("N0", Danish)} sider. Del dokumentet op.");

    internal static Error PdfNoText =>
        new(PdfNoTextCode, "PDF'en indeholder ingen tekst – den er formentlig en scanning. Raad kan ikke læse scannede dokumenter; brug en PDF med tekst eller Word-filen.");

    internal static Error PdfUnreadableText =>
        new(PdfNoTextCode, "PDF'ens tekst kan ikke aflæses, fordi dens skrifttyper ikke fortæller, hvilke bogstaver de viser. Brug Word-filen, eller gem PDF'en igen fra det program, den er lavet i.");

    internal static Error PdfEncrypted =>
        new(PdfEncryptedCode, "PDF'en er beskyttet med en adgangskode, så Raad kan ikke læse den. Gem en udgave uden adgangskode, eller brug Word-filen.");

    internal static Error PdfDamaged =>
        new(PdfDamagedCode, "PDF'en er beskadiget eller ufuldstændig og kan ikke læses. Hent eller gem den igen, eller brug Word-filen.");

    internal static Error DocxNotWord(string what) =>
        new(DocxNotWordCode, $"Filen er en zip-fil, men ikke et Word-dokument{what}. Gem dokumentet som .docx eller PDF, og prøv igen.");

    internal static Error DocxDamaged =>
        new(DocxDamagedCode, "Word-filen er beskadiget eller ufuldstændig og kan ikke læses. Gem den igen i Word, eller brug en PDF.");

    internal static Error DocxTooDeep(int max) =>
        new(DocxTooComplexCode, $"Word-dokumentet er indlejret mere end {max} niveauer dybt (fx indholdskontrolelementer eller tabeller inden i hinanden) og kan ikke læses sikkert. Gem det igen i Word uden de indlejrede elementer, eller brug en PDF.");

    internal static Error DocxTooManyElements(long max) =>
        new(DocxTooComplexCode, $"Word-dokumentet består af mere end {max.ToString("N0", Danish)} elementer; Raad læser ikke så store dokumenter. Del dokumentet op, eller brug en PDF.");

    internal static Error DocxTooManyParts(int parts) =>
        new(DocxTooComplexCode, $"Word-filen består af {parts.ToString("N0", Danish)} dele; et Word-dokument har normalt under hundrede. Gem det igen i Word, eller brug en PDF.");

    internal static Error DocxZipBomb(long ratio) =>
        new(TooLargeCode, $"Word-filen pakker sig ud til {ratio.ToString("N0", Danish)} gange sin egen størrelse, langt mere end et Word-dokument gør, og læses derfor ikke. Gem dokumentet igen i Word, eller brug en PDF.");

    internal static Error Unreadable(string? fileName) =>
        new(UnreadableCode, $"{Name(fileName)} kunne ikke læses. Kontrollér, at den er en PDF, et Word-dokument (.docx) eller en tekstfil, og at den ikke er beskadiget.");

    private static string Name(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? "Filen" : $"Filen \"{Path.GetFileName(fileName.Trim())}\"";

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", Danish);
}
