using System.Diagnostics;

namespace Raad.Web.Tests.Bench;

/// <summary>
/// bench/documents.sh converts DOCX with LibreOffice. On a machine with only the Calc package (which test.sh installs)
/// soffice exists but Writer does not, and the conversion writes no PDF: the bench must see that and install Writer.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BenchPrerequisiteTests : IDisposable
{
    private readonly string program = Directory.CreateTempSubdirectory("raad-lo-").FullName;

    [Fact]
    public async Task Soffice_without_writer_and_its_word_filter_counts_as_missing()
    {
        await File.WriteAllTextAsync(Path.Combine(program, "soffice"), "#!/bin/sh\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(Path.Combine(program, "soffice"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        Assert.True(await WriterMissingAsync(), "Kun soffice (som fra Calc-pakken) blev godtaget.");
        await File.WriteAllTextAsync(Path.Combine(program, "libswlo.so"), "", TestContext.Current.CancellationToken);
        Assert.True(await WriterMissingAsync(), "Writer uden Word-filteret blev godtaget.");
        await File.WriteAllTextAsync(Path.Combine(program, "libwriterfilterlo.so"), "", TestContext.Current.CancellationToken);
        Assert.False(await WriterMissingAsync(), "soffice med Writer og Word-filteret blev ikke godtaget.");
    }

    /// <summary>Runs common.sh's check on the fake program folder: exit 0 means missing, 1 present; anything else fails.</summary>
    private async Task<bool> WriterMissingAsync()
    {
        var common = Path.Combine(Repository(), "bench", "common.sh");
        var start = new ProcessStartInfo("bash", ["-c", "source \"$1\"; libreoffice_writer_missing \"$2\"", "bash", common, program])
        {
            RedirectStandardError = true,
        };
        using var bash = Process.Start(start)!;
        var error = await bash.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await bash.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(bash.ExitCode is 0 or 1, $"libreoffice_writer_missing gav {bash.ExitCode}: {error}");
        return bash.ExitCode == 0;
    }

    private static string Repository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Raad.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Raad.slnx blev ikke fundet over " + AppContext.BaseDirectory);
    }

    public void Dispose() => Directory.Delete(program, recursive: true);
}
