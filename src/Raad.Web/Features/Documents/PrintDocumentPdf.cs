using Microsoft.Net.Http.Headers;
using Raad.Domain.Common;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Audit;
using Raad.Web.Infrastructure.Pdf;

namespace Raad.Web.Features.Documents;

/// <summary>
/// Prints the agenda (or the minutes) as a tagged PDF: <c>GET /api/meetings/{id}/agenda.pdf</c> and <c>/minutes.pdf</c>,
/// in the public edition or the members' (<c>version=members</c>). The links on the meeting's pages point here.
/// </summary>
public static class PrintDocumentPdf
{
    public static void MapPrintDocumentPdf(this RouteGroupBuilder api)
    {
        api.MapGet("/meetings/{id:int}/agenda.pdf", (int id, string? version, HttpContext http, DocumentPdf pdf, PrintCache cache, CancellationToken ct) =>
                HandleAsync(id, DocumentKind.Agenda, version, http, pdf, cache, ct)).Needs(Permission.Public).RecordsExport("Meeting")
            .WithName("GetAgendaPdf")
            .WithSummary("Dagsordenen som tilgængelig PDF. version=public (standard) eller members (med lukkede punkter).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status429TooManyRequests);
        api.MapGet("/meetings/{id:int}/minutes.pdf", (int id, string? version, HttpContext http, DocumentPdf pdf, PrintCache cache, CancellationToken ct) =>
                HandleAsync(id, DocumentKind.Minutes, version, http, pdf, cache, ct)).Needs(Permission.Public).RecordsExport("Meeting")
            .WithName("GetMinutesPdf")
            .WithSummary("Referatet som tilgængelig PDF. version=public (standard) eller members (med lukkede punkter).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>
    /// A PDF by its fingerprint: 304 when the reader has it already, else from the print cache, printed at most once
    /// however many ask at the same time. A client past its share of the printer is asked to wait (429).
    /// </summary>
    private static async Task<IResult> HandleAsync(int id, DocumentKind kind, string? versionText, HttpContext http, DocumentPdf pdf, PrintCache cache,
        CancellationToken ct)
    {
        if (!DocumentsApi.TryParseVersion(versionText, out var version))
        {
            return Results.Problem(statusCode: 400, title: "version skal være public eller members.");
        }
        var ready = await pdf.PrepareAsync(id, kind, version, ct);
        if (!ready.IsSuccess)
        {
            return DocumentsApi.Problem(ready.Errors[0], http);
        }
        var prepared = ready.Value!;
        var etag = DocumentsApi.Cache(http, version, prepared.Fingerprint);
        if (DocumentsApi.NotModified(http, etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        // Printed without the request's token: others may be waiting for this print.
        var file = await cache.GetAsync(prepared.Fingerprint, PrintCache.ClientOf(http), async () =>
        {
            var printed = await pdf.PrintAsync(prepared, CancellationToken.None);
            return printed.IsSuccess ? printed.Value!.Content : Result<byte[]>.Fail(printed.Errors);
        }, ct);
        return file.IsSuccess
            ? Results.File(file.Value!, "application/pdf", prepared.FileName, entityTag: etag)
            : DocumentsApi.Problem(file.Errors[0], http);
    }
}
