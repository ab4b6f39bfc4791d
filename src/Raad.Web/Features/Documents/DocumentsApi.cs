using Microsoft.Net.Http.Headers;
using Raad.Domain.Common;
using Raad.Web.Infrastructure;
using Raad.Web.Infrastructure.Audit;
using Raad.Web.Infrastructure.Pdf;

namespace Raad.Web.Features.Documents;

public sealed record PackageStatus(string Status, int Progress);

/// <summary>
/// The documents of a meeting as Word files, <c>/api/meetings/{id}/agenda.docx</c> and <c>/minutes.docx</c>
/// (<c>?version=public|members</c>), and the agenda package; the PDFs are <see cref="PrintDocumentPdf"/>'s.
/// </summary>
public static class DocumentsApi
{
    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/meetings/{id:int}/agenda.docx", (int id, string? version, HttpContext http, DocumentDocx docx, CancellationToken ct) =>
                DocxAsync(id, DocumentKind.Agenda, version, http, docx, ct)).Needs(Permission.Public).RecordsExport("Meeting")
            .WithName("GetAgendaDocx")
            .WithSummary("Dagsordenen som Word-dokument med overskrifter og indholdsfortegnelse. version=public (standard) eller members (med lukkede punkter).")
            .Produces(StatusCodes.Status200OK, contentType: DocumentDocx.ContentType);
        api.MapGet("/meetings/{id:int}/minutes.docx", (int id, string? version, HttpContext http, DocumentDocx docx, CancellationToken ct) =>
                DocxAsync(id, DocumentKind.Minutes, version, http, docx, ct)).Needs(Permission.Public).RecordsExport("Meeting")
            .WithName("GetMinutesDocx")
            .WithSummary("Referatet som Word-dokument med overskrifter og indholdsfortegnelse. version=public (standard) eller members (med lukkede punkter).")
            .Produces(StatusCodes.Status200OK, contentType: DocumentDocx.ContentType);
    }

    public static void MapPackageApi(this RouteGroupBuilder api) =>
        api.MapGet("/meetings/{id:int}/package.pdf", async (int id, string? version, HttpContext http, RequestAgendaPackage packages, CancellationToken ct) =>
            {
                if (!TryParseVersion(version, out var edition))
                {
                    return Results.Problem(statusCode: 400, title: "version skal være public eller members.");
                }
                var requested = await packages.HandleAsync(id, edition, ct);
                if (!requested.IsSuccess)
                {
                    return Problem(requested.Errors[0], http);
                }
                var build = requested.Value!;
                switch (build.Status)
                {
                    case PackageBuildStatus.Done:
                        // The build's fingerprint is that of the agenda as printed and its attachments: the package's ETag.
                        var etag = Cache(http, edition, build.Fingerprint);
                        if (NotModified(http, etag))
                        {
                            return Results.StatusCode(StatusCodes.Status304NotModified);
                        }
                        return Results.File((await packages.ContentAsync(build.Id, ct))!, "application/pdf", build.FileName, entityTag: etag);
                    case PackageBuildStatus.Failed:
                        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: build.Message);
                    default:
                        // Being built: ask again in a moment (202 with the progress so far).
                        http.Response.Headers.RetryAfter = "2";
                        return Results.Json(new PackageStatus(ApiFormat.Camel(build.Status), build.Progress), statusCode: StatusCodes.Status202Accepted);
                }
            }).Needs(Permission.Public).RecordsExport("Meeting")
            .WithName("GetAgendaPackage")
            .WithSummary("Samlet dagsorden med alle PDF-bilag. Bygges i baggrunden: 202 med fremdrift, indtil den er klar; derefter 200 med PDF'en.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status304NotModified)
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

    /// <summary>
    /// The document's ETag, and how it may be kept: the public edition by anyone, the members' edition only by the
    /// reader's own browser; both asked about again each time (a published agenda can change).
    /// </summary>
    internal static EntityTagHeaderValue Cache(HttpContext http, DocumentVersion version, string fingerprint)
    {
        var etag = new EntityTagHeaderValue($"\"{fingerprint}\"");
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = version == DocumentVersion.Public ? "public, no-cache" : "private, no-cache";
        return etag;
    }

    internal static bool NotModified(HttpContext http, EntityTagHeaderValue etag) =>
        http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));

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

    private static IResult TooMany(Error error, HttpContext http)
    {
        http.Response.Headers.RetryAfter = PrintCache.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: error.Message,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }

    /// <summary>Not found for what the asker may not know exists; sign in or not allowed for the members' edition; 503 when printing fails.</summary>
    public static IResult Problem(Error error, HttpContext http) => error.Code switch
    {
        DocumentEditions.NotFoundCode => Results.Problem(statusCode: 404, title: error.Message),
        PrintCache.BusyCode => TooMany(error, http),
        DocumentEditions.NotAllowedCode => Results.Problem(
            statusCode: http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
            title: error.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: error.Message,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code }),
    };
}
