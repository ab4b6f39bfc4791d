using System.Net;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>An HTTP answer read as a browser would: status, where it redirects to, and the parsed HTML.</summary>
public sealed class HtmlPage
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);

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
        var page = new HtmlPage(address, response.StatusCode, redirect, document);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            page.headers[name] = string.Join(", ", values);
        }
        return page;
    }

    /// <summary>A header of the response, or null.</summary>
    public string? Header(string name) => headers.GetValueOrDefault(name);

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

    /// <summary>The form that has the field with this value, e.g. the one of several "target" forms that takes a given step.</summary>
    public IHtmlFormElement FormWithValue(string field, string value) =>
        Document.Forms.FirstOrDefault(f => f.Elements.Any(e => e.GetAttribute("name") == field && FieldValue(e) == value))
        ?? throw new InvalidOperationException(
            $"{Address} (status {(int)Status}) har ingen formular med {field}={value}; den har: "
            + string.Join(", ", Document.QuerySelectorAll($"[name='{field}']").Select(FieldValue)) + ".");

    /// <summary>The minutes editor's one form for every item's decision (its fields join it by their form attribute).</summary>
    public IHtmlFormElement Decisions() =>
        Document.GetElementById("decisions") as IHtmlFormElement
        ?? throw new InvalidOperationException($"{Address} (status {(int)Status}) har ingen formular for beslutningerne.");

    /// <summary>The form that posts to this path (query and fragment aside), e.g. the confirmation of "/punkter/7/fjern".</summary>
    public IHtmlFormElement FormPostingTo(string path) =>
        Document.Forms.FirstOrDefault(f => new Uri(Address, f.Action).AbsolutePath == path)
        ?? throw new InvalidOperationException($"{Address} (status {(int)Status}) har ingen formular, der sendes til {path}.");

    /// <summary>
    /// The value of the page's first field with this name as the browser would send it (a radio button or checkbox only
    /// when ticked); null when there is none.
    /// </summary>
    public string? Value(string name) =>
        Document.QuerySelectorAll("[name]")
            .Where(e => e.GetAttribute("name") == name)
            .FirstOrDefault(e => e is not IHtmlInputElement { Type: "radio" or "checkbox", IsChecked: false }) is { } element
            ? FieldValue(element)
            : null;

    /// <summary>
    /// The antiforgery token the page carries: in a form, or in the body's hx-headers that htmx sends with every request.
    /// Every page a signed-in user opens has one, and so has every page with a form; the public's read-only pages have
    /// none (they are kept and served alike to all, see PublicPages), so <see cref="TryPageAntiforgeryToken"/> asks.
    /// </summary>
    public string PageAntiforgeryToken() =>
        TryPageAntiforgeryToken() ?? throw new InvalidOperationException($"{Address} (status {(int)Status}) har intet antiforgery-token.");

    public string? TryPageAntiforgeryToken()
    {
        var field = Document.QuerySelectorAll("input").OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == AntiforgeryField)?.Value;
        if (!string.IsNullOrEmpty(field))
        {
            return field;
        }
        if (Document.Body?.GetAttribute("hx-headers") is { } headers)
        {
            using var json = JsonDocument.Parse(headers);
            if (json.RootElement.TryGetProperty("RequestVerificationToken", out var token) && token.GetString() is { Length: > 0 } value)
            {
                return value;
            }
        }
        return null;
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

    private static string? FieldValue(IElement element) => element switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement text => text.Value,
        IHtmlSelectElement select => select.Value,
        _ => element.GetAttribute("value"),
    };

    private static HashSet<string> FieldNames(IHtmlFormElement form) =>
        form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
