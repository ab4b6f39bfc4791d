using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>An HTTP answer read as a browser would: status, where it redirects to, and the parsed HTML.</summary>
public sealed class HtmlPage
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private HtmlPage(Uri address, HttpStatusCode status, Uri? redirectTo, IDocument document)
    {
        Address = address;
        Status = status;
        RedirectTo = redirectTo;
        Document = document;
    }

    public Uri Address { get; }
    public HttpStatusCode Status { get; }

    /// <summary>The absolute target of a 3xx answer; null otherwise.</summary>
    public Uri? RedirectTo { get; }

    public IDocument Document { get; }

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        var address = response.RequestMessage?.RequestUri
            ?? throw new InvalidOperationException("Svaret har ingen forespørgsel.");
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(address));
        var redirect = (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
            ? new Uri(address, location)
            : null;
        return new HtmlPage(address, response.StatusCode, redirect, document);
    }

    /// <summary>The text of every element the selector matches, for messages and assertions.</summary>
    public string Text(string selector) =>
        string.Join(" | ", Document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()));

    /// <summary>The form that has all these fields, as a person finds the form by what it asks for.</summary>
    public IHtmlFormElement FormWith(IEnumerable<string> fields)
    {
        var wanted = fields.ToList();
        return Document.Forms.FirstOrDefault(f => wanted.All(name => FieldNames(f).Contains(name)))
            ?? throw new InvalidOperationException(
                $"{Address} (status {(int)Status}) har ingen formular med felterne {string.Join(", ", wanted)}.");
    }

    /// <summary>The antiforgery token that ASP.NET Core puts in every form it renders; without it a POST is refused.</summary>
    public static string AntiforgeryToken(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == AntiforgeryField)?.Value
        ?? throw new InvalidOperationException($"Formularen ({form.Action}) har intet {AntiforgeryField}.");

    /// <summary>
    /// The fields a browser would send for the form as shown, including the antiforgery token
    /// (__RequestVerificationToken), with the given fields filled in. A field the form does not have is an error,
    /// since no user could send it.
    /// </summary>
    public static List<KeyValuePair<string, string>> Fill(IHtmlFormElement form, IReadOnlyDictionary<string, string> fields)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { IsDisabled: false } input when !string.IsNullOrEmpty(input.Name):
                    var type = input.Type.ToLowerInvariant();
                    if (type is "submit" or "button" or "reset" or "image" or "file"
                        || (type is "checkbox" or "radio" && !input.IsChecked))
                    {
                        break;
                    }
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement { IsDisabled: false } select when !string.IsNullOrEmpty(select.Name):
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
                case IHtmlTextAreaElement { IsDisabled: false } text when !string.IsNullOrEmpty(text.Name):
                    values.Add(new(text.Name!, text.Value));
                    break;
            }
        }
        var names = FieldNames(form);
        foreach (var (name, value) in fields)
        {
            if (!names.Contains(name))
            {
                throw new InvalidOperationException(
                    $"Formularen har intet felt \"{name}\"; den har: {string.Join(", ", names.Order())}.");
            }
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        return values;
    }

    private static HashSet<string> FieldNames(IHtmlFormElement form) =>
        form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
