using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Raad.Domain.Common;
using Raad.Domain.Money;

namespace Raad.Web.Features.Economy;

/// <summary>
/// Tabel 1 ("Økonomiopfølgning") as files the secretariat opens in a spreadsheet: CSV for Danish Excel and a real XLSX.
/// Both hold the same lines in the same order: a title, the header (Tabel 1's headings, "Projekt" in its empty
/// first cell, and "Status"), one line per project, "I alt", and the totals below.
/// </summary>
/// <remarks>
/// The XLSX is written with the Open XML SDK rather than ClosedXML: ClosedXML 0.95.4, the version served here, fails at
/// run time against DocumentFormat.OpenXml 3.3.0 (which the project pins for Word): "The type initializer for
/// 'ClosedXML.Excel.XLWorkbook' threw an exception. ---> System.InvalidProgramException: Common Language Runtime
/// detected an invalid program." It works only with OpenXml 2.x.
/// </remarks>
public static class EconomyExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "Økonomi";

    /// <summary>The totals lines below the table, in the order the item's prose explains them.</summary>
    public static IReadOnlyList<(string Label, decimal Amount)> TotalsLines(EconomyTotals t) =>
    [
        ("Modtaget", t.Received),
        ("Tildelt", t.Granted),
        ("Rest", t.Remainder),
        ("Forventet forbrug", t.ExpectedSpend),
        ("Ikke forbrugt", t.Unspent),
        ("Samlet restpulje", t.RemainderPool),
        ("Restmidler tildelt", t.RemainderGranted),
    ];

    /// <summary>Tabel 1's headings, the empty first one named so a spreadsheet's filter has a name, and the status column.</summary>
    public static IReadOnlyList<string> Header() =>
        [.. EconomySnapshot.Header.Select((h, i) => i == 0 && h.Length == 0 ? "Projekt" : h), "Status"];

    public static string Title(EconomySnapshot snapshot, string bodyName) =>
        $"Økonomiopfølgning – {bodyName} – {DanishFormat.Date(snapshot.AsOf)}";

    public static string StatusText(SpendStatus status) => status switch
    {
        SpendStatus.OnBudget => "Forbrug som tildelt",
        SpendStatus.Underspend => "Mindreforbrug",
        SpendStatus.Overspend => "Merforbrug ikke dækket",
        SpendStatus.OverspendCovered => "Merforbrug dækket af restmidler",
        _ => "Ingen prognose",
    };

    /// <summary>
    /// UTF-8 with BOM (so Excel does not read "Ø" as two characters), ';' between fields and CRLF between lines, as
    /// Danish Excel opens a CSV on a double click. Amounts are plain kroner without thousands separators and with a
    /// decimal comma only when there are øre ("15400000", "1990000", "1234,5"): a "." would be read as a thousands
    /// separator or a date. No remainder funds is written as 0, so every amount cell is a number.
    /// Lines: title; header; projects; "I alt"; an empty line; the totals as label;amount.
    /// </summary>
    public static byte[] Csv(EconomySnapshot snapshot, string bodyName)
    {
        var text = new StringBuilder();
        void Line(IEnumerable<string> fields) => text.Append(string.Join(';', fields)).Append("\r\n");

        Line([CsvText(Title(snapshot, bodyName))]);
        Line(Header().Select(CsvText));
        foreach (var row in snapshot.Rows)
        {
            Line([CsvText(row.Project), CsvAmount(row.ExpectedSpend), CsvAmount(row.Granted), CsvAmount(row.RemainderGranted), CsvText(StatusText(row.Status()))]);
        }
        var t = snapshot.Totals;
        Line([CsvText("I alt"), CsvAmount(t.ExpectedSpend), CsvAmount(t.Granted), CsvAmount(t.RemainderGranted), ""]);
        text.Append("\r\n");
        foreach (var (label, amount) in TotalsLines(t))
        {
            Line([CsvText(label), CsvAmount(amount)]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string CsvAmount(decimal amount) => amount.ToString("0.##", DanishFormat.Culture);

    /// <summary>
    /// A text cell (a project's name, a label): a leading =, +, -, @, tab or CR would make a spreadsheet run it as a
    /// formula ("=HYPERLINK(...)"), so it gets a ' in front, as OWASP recommends ("CSV Injection"). Then RFC 4180:
    /// quoted when it holds the separator, a quote or a line break; quotes doubled. Amounts do not pass here: they
    /// are written by <see cref="CsvAmount"/> from a decimal, so "-1500" is always a number, never a formula, and
    /// a negative remainder must stay a number the spreadsheet can add up.
    /// </summary>
    public static string CsvText(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }
        return field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }

    /// <summary>Where the XLSX puts things, so tests and readers need not count rows.</summary>
    public static class Layout
    {
        public const int TitleRow = 1;
        public const int HeaderRow = 3;
        public const int FirstProjectRow = 4;
        public static int SumRow(EconomySnapshot s) => FirstProjectRow + s.Rows.Count;
        public static int FirstTotalsRow(EconomySnapshot s) => SumRow(s) + 2;
    }

    private static class Styles
    {
        public const uint Default = 0;
        public const uint Bold = 1;
        public const uint Kroner = 2;
        public const uint BoldKroner = 3;
        public const uint Title = 4;
        public const uint Wrapped = 5;
    }

    /// <summary>
    /// One sheet "Økonomi": the title in A1, the header in bold on row 3, amounts as numbers formatted
    /// <c>#,##0 "kr."</c>, the "I alt" line as SUM formulas with the snapshot's totals as their cached values (so a
    /// reader that does not calculate still shows them), and the totals lines below as plain numbers.
    /// </summary>
    public static byte[] Xlsx(EconomySnapshot snapshot, string bodyName)
    {
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = package.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

            var data = new SheetData();
            data.Append(new Row(TextCell("A", Layout.TitleRow, Title(snapshot, bodyName), Styles.Title)) { RowIndex = Layout.TitleRow });
            var header = Header();
            data.Append(new Row(header.Select((h, i) => TextCell(Column(i), Layout.HeaderRow, h, Styles.Bold))) { RowIndex = Layout.HeaderRow });

            var r = (uint)Layout.FirstProjectRow;
            foreach (var row in snapshot.Rows)
            {
                data.Append(new Row(
                    TextCell("A", r, row.Project, Styles.Wrapped),
                    NumberCell("B", r, row.ExpectedSpend, Styles.Kroner),
                    NumberCell("C", r, row.Granted, Styles.Kroner),
                    NumberCell("D", r, row.RemainderGranted, Styles.Kroner),
                    TextCell("E", r, StatusText(row.Status()), Styles.Default))
                { RowIndex = r });
                r++;
            }
            var t = snapshot.Totals;
            var last = Layout.FirstProjectRow + snapshot.Rows.Count - 1;
            data.Append(new Row(
                TextCell("A", r, "I alt", Styles.Bold),
                SumCell("B", r, last, t.ExpectedSpend, snapshot.Rows.Count),
                SumCell("C", r, last, t.Granted, snapshot.Rows.Count),
                SumCell("D", r, last, t.RemainderGranted, snapshot.Rows.Count))
            { RowIndex = r });

            r += 2;
            foreach (var (label, amount) in TotalsLines(t))
            {
                data.Append(new Row(TextCell("A", r, label, Styles.Default), NumberCell("B", r, amount, Styles.Kroner)) { RowIndex = r });
                r++;
            }

            // Widths in characters: the projects' long Danish names wrap in A; the headings fit B-D on two lines.
            var columns = new Columns(
                new Column { Min = 1, Max = 1, Width = 60, CustomWidth = true },
                new Column { Min = 2, Max = 4, Width = 22, CustomWidth = true },
                new Column { Min = 5, Max = 5, Width = 34, CustomWidth = true });
            sheetPart.Worksheet = new Worksheet(columns, data);

            workbookPart.Workbook.Append(
                new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }),
                // Cached values are the snapshot's; recalculating on load shows any edit a reader made to the rows.
                new CalculationProperties { FullCalculationOnLoad = true });
            package.PackageProperties.Title = Title(snapshot, bodyName);
            package.PackageProperties.Creator = bodyName;
            package.PackageProperties.Language = "da-DK";
        }
        return stream.ToArray();
    }

    private static string Column(int index) => ((char)('A' + index)).ToString();

    private static Cell TextCell(string column, uint row, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = $"{column}{row}",
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    private static Cell NumberCell(string column, uint row, decimal amount, uint style) => new(new CellValue(amount))
    {
        CellReference = $"{column}{row}",
        StyleIndex = style,
    };

    private static Cell SumCell(string column, uint row, int lastRow, decimal cached, int count)
    {
        var cell = NumberCell(column, row, cached, Styles.BoldKroner);
        if (count > 0)
        {
            // The formula goes before the value, as the schema orders them.
            cell.InsertAt(new CellFormula($"SUM({column}{Layout.FirstProjectRow}:{column}{lastRow})"), 0);
        }
        return cell;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0 \"kr.\"" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
            { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyFont = true },
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
            { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
