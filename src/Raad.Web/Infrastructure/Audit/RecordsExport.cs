using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Raad.Web.Data;

namespace Raad.Web.Infrastructure.Audit;

/// <summary>
/// Downloads as the audit log's "exported": a file (PDF, Word, the package, an XLSX or CSV, an attachment) that a
/// signed-in user received is recorded with the entity it came from. Anonymous downloads are the public's and are not.
/// </summary>
public static class RecordsExportExtensions
{
    /// <param name="entityType">The entity the route's <c>{id}</c> names (Meeting, Body, Attachment …).</param>
    public static RouteHandlerBuilder RecordsExport(this RouteHandlerBuilder endpoint, string entityType) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (result is IFileHttpResult file && http.User.Identity?.IsAuthenticated == true)
            {
                var db = http.RequestServices.GetRequiredService<AppDbContext>();
                var id = Convert.ToString(http.GetRouteValue("id"), CultureInfo.InvariantCulture) ?? "";
                var details = new Dictionary<string, string> { ["Fil"] = file.FileDownloadName ?? "", ["Adresse"] = http.Request.Path };
                if (http.Request.Query["version"].ToString() is { Length: > 0 } version)
                {
                    details["Udgave"] = version;
                }
                AuditTrail.Record(db, AuditAct.Exported, entityType, id, file.FileDownloadName ?? http.Request.Path, details);
                await db.SaveChangesAsync(http.RequestAborted);
            }
            return result;
        });
}
