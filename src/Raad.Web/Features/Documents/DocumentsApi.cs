using Raad.Domain.Common;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Documents;

public sealed record PackageStatus(string Status, int Progress);

/// <summary>
/// The documents of a meeting as files: <c>/api/meetings/{id}/agenda.pdf</c>, <c>/minutes.pdf</c>, <c>/agenda.docx</c>,
/// <c>/minutes.docx</c> (<c>?version=public|members</c>).
/// </summary>
public static class DocumentsApi
{
    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/meetings/{id:int}/agenda.pdf", (int id, string? version, HttpContext http, DocumentPdf pdf, CancellationToken ct) =>
                PdfAsync(id, DocumentKind.Agenda, version, http, pdf, ct)).Needs(Permission.Public)
            .WithName("GetAgendaPdf")
            .WithSummary("Dagsordenen som tilgængelig PDF. version=public (standard) eller members (med lukkede punkter).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        api.MapGet("/meetings/{id:int}/minutes.pdf", (int id, string? version, HttpContext http, DocumentPdf pdf, CancellationToken ct) =>
                PdfAsync(id, DocumentKind.Minutes, version, http, pdf, ct)).Needs(Permission.Public)
            .WithName("GetMinutesPdf")
            .WithSummary("Referatet som tilgængelig PDF. version=public (standard) eller members (med lukkede punkter).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        api.MapGet("/meetings/{id:int}/agenda.docx", (int id, string? version, HttpContext http, DocumentDocx docx, CancellationToken ct) =>
                DocxAsync(id, DocumentKind.Agenda, version, http, docx, ct)).Needs(Permission.Public)
            .WithName("GetAgendaDocx")
            .WithSummary("Dagsordenen som Word-dokument med overskrifter og indholdsfortegnelse. version=public (standard) eller members (med lukkede punkter).")
            .Produces(StatusCodes.Status200OK, contentType: DocumentDocx.ContentType);
        api.MapGet("/meetings/{id:int}/minutes.docx", (int id, string? version, HttpContext http, DocumentDocx docx, CancellationToken ct) =>
                DocxAsync(id, DocumentKind.Minutes, version, http, docx, ct)).Needs(Permission.Public)
            .WithName("GetMinutesDocx")
            .WithSummary("Referatet som Word-dokument med overskrifter og indholdsfortegnelse. version=public (standard) eller members (med lukkede punkter).")
            .Produces(StatusCodes.Status200OK, contentType: DocumentDocx.ContentType);
    }

    public static void MapPackageApi(this RouteGroupBuilder api) =>
        api.MapGet("/meetings/{id:int}/package.pdf", async (int id, string? version, HttpContext http, PackageRequests packages, CancellationToken ct) =>
            {
                if (!TryParseVersion(version, out var edition))
                {
                    return Results.Problem(statusCode: 400, title: "version skal være public eller members.");
                }
                var (build, error) = await packages.RequestAsync(id, edition, ct);
                if (error is not null)
                {
                    return Problem(error, http);
                }
                switch (build!.Status)
                {
                    case PackageBuildStatus.Done:
                        return Results.File((await packages.ContentAsync(build.Id, ct))!, "application/pdf", build.FileName);
                    case PackageBuildStatus.Failed:
                        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: build.Message);
                    default:
                        // Being built: ask again in a moment (202 with the progress so far).
                        http.Response.Headers.RetryAfter = "2";
                        return Results.Json(new PackageStatus(ApiFormat.Camel(build.Status), build.Progress), statusCode: StatusCodes.Status202Accepted);
                }
            }).Needs(Permission.Public)
            .WithName("GetAgendaPackage")
            .WithSummary("Samlet dagsorden med alle PDF-bilag. Bygges i baggrunden: 202 med fremdrift, indtil den er klar; derefter 200 med PDF'en.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces<PackageStatus>(StatusCodes.Status202Accepted);

    public static bool TryParseVersion(string? text, out DocumentVersion version)
    {
        version = DocumentVersion.Public;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "public":
                return true;
            case "members":
                version = DocumentVersion.Members;
                return true;
            default:
                return false;
        }
    }

    private static Task<IResult> PdfAsync(int id, DocumentKind kind, string? version, HttpContext http, DocumentPdf pdf, CancellationToken ct) =>
        FileAsync(version, http, v => pdf.RenderAsync(id, kind, v, ct));

    private static Task<IResult> DocxAsync(int id, DocumentKind kind, string? version, HttpContext http, DocumentDocx docx, CancellationToken ct) =>
        FileAsync(version, http, v => docx.RenderAsync(id, kind, v, ct));

    private static async Task<IResult> FileAsync(string? versionText, HttpContext http, Func<DocumentVersion, Task<Result<DocumentFile>>> render)
    {
        if (!TryParseVersion(versionText, out var version))
        {
            return Results.Problem(statusCode: 400, title: "version skal være public eller members.");
        }
        var result = await render(version);
        return result.IsSuccess
            ? Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName)
            : Problem(result.Errors[0], http);
    }

    /// <summary>Not found for what the asker may not know exists; sign in or not allowed for the members' edition; 503 when printing fails.</summary>
    public static IResult Problem(Error error, HttpContext http) => error.Code switch
    {
        DocumentEditions.NotFoundCode => Results.Problem(statusCode: 404, title: error.Message),
        DocumentEditions.NotAllowedCode => Results.Problem(
            statusCode: http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
            title: error.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: error.Message,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code }),
    };
}
