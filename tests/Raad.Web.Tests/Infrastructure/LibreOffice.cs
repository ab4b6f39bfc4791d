using System.Diagnostics;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>LibreOffice Calc, headless, as a secretary's spreadsheet program: opens a file and saves its first sheet as CSV.</summary>
internal static class LibreOffice
{
    /// <summary>
    /// The sheet as LibreOffice reads it: ';' between cells, UTF-8, and each cell's value rather than its display
    /// format (token 9 "save as shown" off), so the numbers are the numbers Calc holds. test.sh installs libreoffice-calc-nogui.
    /// </summary>
    public static async Task<string[][]> OpenAsCsvAsync(byte[] workbook, string extension = "xlsx")
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("LibreOffice (soffice) findes ikke; ./test.sh installerer libreoffice-calc-nogui.");
        var folder = Directory.CreateTempSubdirectory("raad-lo-");
        try
        {
            var input = Path.Combine(folder.FullName, $"sheet.{extension}");
            await File.WriteAllBytesAsync(input, workbook);
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    // A profile of its own, so that runs in parallel or a user's open LibreOffice do not interfere.
                    $"-env:UserInstallation=file://{Path.Combine(folder.FullName, "profile")}",
                    "--headless", "--norestore",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false",
                    "--outdir", folder.FullName, input,
                },
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var csv = Path.Combine(folder.FullName, "sheet.csv");
            if (process.ExitCode != 0 || !File.Exists(csv))
            {
                throw new InvalidOperationException($"LibreOffice kunne ikke åbne filen (kode {process.ExitCode}): {await output} {await errors}");
            }
            return [.. (await File.ReadAllLinesAsync(csv)).Select(line => line.Split(';'))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
