using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Raad.Web.Features.Agenda;
using Raad.Web.Infrastructure;

namespace Raad.Web.Features.Documents;

/// <summary>A document as a whole HTML page for printing: the same Razor template as the web page, on paper.</summary>
public sealed record PrintModel(DocumentModel Document, string Title, string Author);

/// <summary>Renders the print template to a string, so Chromium can print it without a request back to the app.</summary>
public sealed class DocumentHtml(IRazorViewEngine engine, ITempDataProvider tempData, IHttpContextAccessor http, IServiceProvider services)
{
    public async Task<string> RenderAsync(PrintModel model)
    {
        var context = http.HttpContext ?? new DefaultHttpContext { RequestServices = services };
        var action = new ActionContext(context, new Microsoft.AspNetCore.Routing.RouteData(), new ActionDescriptor());
        var view = engine.GetView(null, "/Features/Documents/_Print.cshtml", isMainPage: true).View
            ?? throw new InvalidOperationException("Udskriftsskabelonen /Features/Documents/_Print.cshtml findes ikke.");
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary<PrintModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        await view.RenderAsync(new ViewContext(action, view, data, new TempDataDictionary(context, tempData), writer, new HtmlHelperOptions()));
        return writer.ToString();
    }
}
