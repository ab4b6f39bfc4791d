using Raad.Web.Features.Agenda;
using Raad.Web.Features.Alerts;
using Raad.Web.Features.Bodies;
using Raad.Web.Features.Calendar;
using Raad.Web.Features.Documents;
using Raad.Web.Features.Economy;
using Raad.Web.Features.ItemRequests;
using Raad.Web.Features.Meetings;
using Raad.Web.Features.OParl;
using Raad.Web.Features.Procedure;
using Raad.Web.Features.Search;
using Raad.Web.Features.Workspace;

namespace Raad.Web.Infrastructure;

public static class Api
{
    public static void MapRaadApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Raad");
        api.MapBodiesApi();
        api.MapSearchApi();
        api.MapMeetingsApi();
        api.MapComplianceApi();
        api.MapPrintDocumentPdf();
        api.MapDocumentsApi();
        api.MapPackageApi();
        api.MapEconomyApi();
        api.MapMeApi();
        app.MapAttachmentDownload();
        app.MapItemRequestFiles();
        app.MapCalendarFeed();
        app.MapBodyFeed();
        app.MapOParl();
    }
}
