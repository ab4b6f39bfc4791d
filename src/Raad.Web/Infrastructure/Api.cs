using Raad.Web.Features.Agenda;
using Raad.Web.Features.Bodies;
using Raad.Web.Features.Meetings;

namespace Raad.Web.Infrastructure;

public static class Api
{
    public static void MapRaadApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Raad");
        api.MapBodiesApi();
        api.MapMeetingsApi();
        app.MapAttachmentDownload();
    }
}
