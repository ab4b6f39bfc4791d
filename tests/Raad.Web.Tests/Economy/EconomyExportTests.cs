using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Raad.Web.Features.Economy;

namespace Raad.Web.Tests.Economy;

public sealed class EconomyExportTests
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public void Tabel1_totals_are_those_printed()
    {
        var t = Tabel1.Snapshot().Totals;
        Assert.Equal(15_400_000m, t.Granted);
        Assert.Equal(15_120_000m, t.ExpectedSpend);
        Assert.Equal(200_000m, t.Remainder);
        Assert.Equal(280_000m, t.Unspent);
        Assert.Equal(480_000m, t.RemainderPool);
        Assert.Equal(480_000m, t.RemainderGranted);
    }

    [Fact]
    public void Csv_has_bom_and_parses_back_to_the_figures()
    {
        var snapshot = Tabel1.Snapshot();
        var bytes = EconomyExport.Csv(snapshot, Tabel1.Body);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);

        var lines = ParseCsv(Encoding.UTF8.GetString(bytes.AsSpan(3)));
        Assert.Equal(["Økonomiopfølgning – Politisk Sundhedsklynge Syd – 27. august 2025"], lines[0]);
        Assert.Equal(["Projekt", "Forventet forbrug frem til projektafslutning", "Tildelt pr. projekt", "Restmidler tildelt", "Status"], lines[1]);
        for (var i = 0; i < snapshot.Rows.Count; i++)
        {
            var row = snapshot.Rows[i];
            var line = lines[2 + i];
            Assert.Equal(row.Project, line[0]);
            Assert.Equal(row.ExpectedSpend, Amount(line[1]));
            Assert.Equal(row.Granted, Amount(line[2]));
            Assert.Equal(row.RemainderGranted, Amount(line[3]));
        }
        Assert.Equal("1990000", lines[2 + 4][1]);
        Assert.Equal("Merforbrug dækket af restmidler", lines[2 + 6][4]);
        Assert.Equal("Mindreforbrug", lines[2 + 5][4]);
        Assert.Equal(["I alt", "15120000", "15400000", "480000", ""], lines[9]);
        Assert.Equal([""], lines[10]);

        var totals = lines.Skip(11).ToDictionary(l => l[0], l => Amount(l[1]));
        Assert.Equal(15_600_000m, totals["Modtaget"]);
        Assert.Equal(15_400_000m, totals["Tildelt"]);
        Assert.Equal(200_000m, totals["Rest"]);
        Assert.Equal(15_120_000m, totals["Forventet forbrug"]);
        Assert.Equal(280_000m, totals["Ikke forbrugt"]);
        Assert.Equal(480_000m, totals["Samlet restpulje"]);
        Assert.Equal(480_000m, totals["Restmidler tildelt"]);
    }

    [Fact]
    public void Csv_quotes_fields_with_separator_quote_or_newline_and_writes_ore_with_a_comma()
    {
        var snapshot = Tabel1.Of(
            Tabel1.Row("Projekt; \"A\"", 1_234.5m, 1_000m),
            Tabel1.Row("To\nlinjer", 10m, 10m));
        var text = Encoding.UTF8.GetString(EconomyExport.Csv(snapshot, "Råd; \"Syd\"").AsSpan(3));

        Assert.Contains("\"Projekt; \"\"A\"\"\";1234,5;1000;0;Merforbrug ikke dækket\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"To\nlinjer\";10;10;0;Forbrug som tildelt\r\n", text, StringComparison.Ordinal);
        var lines = ParseCsv(text);
        Assert.Equal("Projekt; \"A\"", lines[2][0]);
        Assert.Equal("To\nlinjer", lines[3][0]);
        Assert.StartsWith("Økonomiopfølgning – Råd; \"Syd\"", lines[0][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_text_cells_that_a_spreadsheet_would_run_as_formulas_get_a_quote_in_front_but_negative_amounts_stay_numbers()
    {
        string[] names = ["=HYPERLINK(\"https://evil.test\";\"Klik\")", "+45 12 34", "-2+3", "@SUM(A1:A2)", "\tTab", "\rCR", "Almindeligt - projekt"];
        // 16,8 mio. kr. granted of 15,6 received: the totals' "Rest" is -1,2 mio. kr.
        var snapshot = Tabel1.Of([.. names.Select(n => Tabel1.Row(n, 1_000_000m, 2_400_000m))]);
        var text = Encoding.UTF8.GetString(EconomyExport.Csv(snapshot, "=cmd|' /C calc'!A0").AsSpan(3));
        var lines = ParseCsv(text);

        Assert.Equal(["'=HYPERLINK(\"https://evil.test\";\"Klik\")", "'+45 12 34", "'-2+3", "'@SUM(A1:A2)", "'\tTab", "'\rCR", "Almindeligt - projekt"],
            lines.Skip(2).Take(names.Length).Select(l => l[0]));
        Assert.Equal("Økonomiopfølgning – =cmd|' /C calc'!A0 – 27. august 2025", lines[0][0]);
        var rest = lines.Single(l => l[0] == "Rest");
        Assert.Equal("-1200000", rest[1]);
        Assert.Contains("\r\nRest;-1200000\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_has_numeric_cells_formulas_with_cached_values_and_is_valid()
    {
        var snapshot = Tabel1.Snapshot();
        var bytes = EconomyExport.Xlsx(snapshot, Tabel1.Body);

        using var package = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(package, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var workbook = package.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Økonomi", sheet.Name!.Value);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);

        Assert.Equal("Økonomiopfølgning – Politisk Sundhedsklynge Syd – 27. august 2025", Text(cells["A1"]));
        Assert.Equal("Tildelt pr. projekt", Text(cells["C3"]));
        for (var i = 0; i < snapshot.Rows.Count; i++)
        {
            var row = snapshot.Rows[i];
            var r = 4 + i;
            Assert.Equal(row.Project, Text(cells[$"A{r}"]));
            Assert.Equal(row.ExpectedSpend, Number(cells[$"B{r}"]));
            Assert.Equal(row.Granted, Number(cells[$"C{r}"]));
            Assert.Equal(row.RemainderGranted, Number(cells[$"D{r}"]));
        }
        Assert.Equal("Merforbrug dækket af restmidler", Text(cells["E10"]));

        Assert.Equal("I alt", Text(cells["A11"]));
        Assert.Equal("SUM(B4:B10)", cells["B11"].CellFormula!.Text);
        Assert.Equal("SUM(C4:C10)", cells["C11"].CellFormula!.Text);
        Assert.Equal("SUM(D4:D10)", cells["D11"].CellFormula!.Text);
        Assert.Equal(15_120_000m, Number(cells["B11"]));
        Assert.Equal(15_400_000m, Number(cells["C11"]));
        Assert.Equal(480_000m, Number(cells["D11"]));

        var totals = Enumerable.Range(13, 7).ToDictionary(r => Text(cells[$"A{r}"]), r => Number(cells[$"B{r}"]));
        Assert.Equal(15_600_000m, totals["Modtaget"]);
        Assert.Equal(200_000m, totals["Rest"]);
        Assert.Equal(280_000m, totals["Ikke forbrugt"]);
        Assert.Equal(480_000m, totals["Samlet restpulje"]);

        // Amounts carry the kroner format, and the header is bold.
        var formats = workbook.WorkbookStylesPart!.Stylesheet;
        var xfs = formats.CellFormats!.Elements<CellFormat>().ToList();
        var amountFormat = xfs[(int)cells["C4"].StyleIndex!.Value];
        var code = formats.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == amountFormat.NumberFormatId!.Value);
        Assert.Equal("#,##0 \"kr.\"", code.FormatCode!.Value);
        var headerFont = formats.Fonts!.Elements<Font>().ElementAt((int)xfs[(int)cells["B3"].StyleIndex!.Value].FontId!.Value);
        Assert.NotNull(headerFont.GetFirstChild<Bold>());
        Assert.NotEmpty(part.Worksheet.GetFirstChild<Columns>()!.Elements<Column>());
    }

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number, Danish);

    private static decimal Number(Cell cell)
    {
        // A numeric cell has no type, or "n"; never a string.
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number);
        return decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    /// <summary>A strict RFC 4180 reader with ';' as separator, enough to read back what the export writes.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var lines = new List<List<string>>();
        var line = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                line.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                line.Add(field.ToString());
                field.Clear();
                lines.Add(line);
                line = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        Assert.Empty(field.ToString());
        Assert.Empty(line);
        return lines;
    }
}
