using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;

namespace Raad.Web.Tests.Infrastructure;

/// <summary>What one person fills in to plan a meeting, as the form takes it (yyyy-MM-dd, HH:mm).</summary>
public sealed record MeetingPlan(string Date, string Start, string End, string Location = "Ishøj Rådhus, Byrådssalen");

/// <summary>
/// One person at a browser: their own cookies (sign-in, antiforgery), redirects not followed, so a test sees where
/// the app sends them.
/// </summary>
public sealed class Visitor(HttpClient http) : IDisposable
{
    public Task<HttpResponseMessage> Get(string url) => http.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>A GET with If-None-Match, as a browser asks again for a file it has kept.</summary>
    public Task<HttpResponseMessage> GetIfNoneMatch(string url, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return http.SendAsync(request);
    }

    public async Task<HtmlPage> Open(string url)
    {
        using var response = await Get(url);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>The JSON of a successful API call; fails with the answer if the call did not succeed.</summary>
    public async Task<JsonElement> GetJson(string url)
    {
        using var response = await Get(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            throw new InvalidOperationException(
                $"GET {url} gav {(int)response.StatusCode} {response.Content.Headers.ContentType}: {body}");
        }
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Fills in and sends the page's form that has these fields, as a browser would, with the form's antiforgery token.
    /// </summary>
    public Task<HtmlPage> Submit(HtmlPage page, Dictionary<string, string> fields) =>
        SubmitForm(page.FormWith(fields.Keys), fields);

    public async Task<int> BodyId(string name)
    {
        var bodies = await GetJson("/api/bodies");
        return bodies.EnumerateArray().Single(b => b.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
    }

    public async Task<JsonElement[]> Meetings(int bodyId) =>
        [.. (await GetJson($"/api/bodies/{bodyId}/meetings")).EnumerateArray()];

    /// <summary>The id of the body's meeting on the date (yyyy-MM-dd).</summary>
    public async Task<int> MeetingId(int bodyId, string date) =>
        (await Meetings(bodyId)).Single(m => m.GetProperty("date").GetString() == date).GetProperty("id").GetInt32();

    /// <summary>Plans an ordinary, physical meeting through the form "Planlæg møde".</summary>
    public async Task<HtmlPage> PlanMeeting(int bodyId, MeetingPlan plan)
    {
        var form = await Open($"/udvalg/{bodyId}/moeder/nyt");
        if (form.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Formularen \"Planlæg møde\" gav {(int)form.Status}.");
        }
        return await Submit(form, new()
        {
            ["Input.Date"] = plan.Date,
            ["Input.Start"] = plan.Start,
            ["Input.End"] = plan.End,
            ["Input.Kind"] = "Ordinary",
            ["Input.IsVirtual"] = "false",
            ["Input.Location"] = plan.Location,
        });
    }

    /// <summary>Signs in through the login form, as a person would; fails unless the login sends them on.</summary>
    public async Task SignIn(string email, string password)
    {
        var login = await Open("/konto/log-ind");
        var result = await Submit(login, new() { ["Email"] = email, ["Password"] = password });
        if (result.RedirectTo is null)
        {
            throw new InvalidOperationException(
                $"Log ind som {email} gav {(int)result.Status} uden viderestilling: {result.Text("[role=alert]")}");
        }
    }

    /// <summary>Sends one particular form of a page (e.g. the one of several with a given hidden value), as a browser would.</summary>
    public async Task<HtmlPage> SubmitForm(IHtmlFormElement form, Dictionary<string, string> fields)
    {
        // Every form of Raad posts with the token; a form without one would be refused, so say so here.
        _ = HtmlPage.AntiforgeryToken(form);
        using var content = new FormUrlEncodedContent(HtmlPage.Fill(form, fields));
        using var response = await http.PostAsync(ActionOf(form), content);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>Sends the page's form that has these fields and a file field, with the file attached (multipart/form-data).</summary>
    public async Task<HtmlPage> SubmitFile(
        HtmlPage page, Dictionary<string, string> fields, string fileField, string fileName, byte[] bytes, string contentType)
    {
        var form = page.FormWith([.. fields.Keys, fileField]);
        _ = HtmlPage.AntiforgeryToken(form);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in HtmlPage.Fill(form, fields))
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, fileField, fileName);
        using var response = await http.PostAsync(ActionOf(form), content);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>
    /// Fills in the form of the button with this text and presses the button, as a browser sends it: to the button's
    /// formaction (else the form's action), with the button's name and value, and with a file if one is given (the form
    /// is then sent as multipart/form-data).
    /// </summary>
    public async Task<HtmlPage> Press(HtmlPage page, string button, Dictionary<string, string> fields,
        (string Field, string FileName, byte[] Bytes, string ContentType)? file = null)
    {
        var pressed = page.Document.QuerySelectorAll("button").OfType<IHtmlButtonElement>()
            .FirstOrDefault(b => b.TextContent.Trim() == button)
            ?? throw new InvalidOperationException($"{page.Address} (status {(int)page.Status}) har ingen knap \"{button}\".");
        var form = pressed.Form ?? throw new InvalidOperationException($"Knappen \"{button}\" hører ikke til en formular.");
        _ = HtmlPage.AntiforgeryToken(form);
        var values = HtmlPage.Fill(form, fields);
        if (!string.IsNullOrEmpty(pressed.Name))
        {
            values.Add(new(pressed.Name, pressed.Value));
        }
        var target = pressed.GetAttribute("formaction") is { Length: > 0 } formAction
            ? new Uri(new Uri(form.Owner!.DocumentUri), formAction)
            : ActionOf(form);
        using HttpContent content = file is { } f ? Multipart(values, f) : new FormUrlEncodedContent(values);
        using var response = await http.PostAsync(target, content);
        return await HtmlPage.ReadAsync(response);
    }

    private static MultipartFormDataContent Multipart(
        List<KeyValuePair<string, string>> values, (string Field, string FileName, byte[] Bytes, string ContentType) file)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }
        var bytes = new ByteArrayContent(file.Bytes);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        content.Add(bytes, file.Field, file.FileName);
        return content;
    }

    /// <summary>
    /// Posts fields to a URL with the antiforgery token that the page carries, as a script on that page does. With
    /// htmx the request says so (HX-Request) and carries the token in the header that the layout's hx-headers sets.
    /// A public page that only reads carries no token; the visitor then takes one where anyone can, from the sign-in form.
    /// </summary>
    public async Task<HtmlPage> Post(string url, HtmlPage from, IEnumerable<KeyValuePair<string, string>> fields, bool htmx = false)
    {
        var token = from.TryPageAntiforgeryToken() ?? (await Open("/konto/log-ind")).PageAntiforgeryToken();
        var values = fields.ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative));
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add("RequestVerificationToken", token);
        }
        else
        {
            values.Add(new(HtmlPage.AntiforgeryField, token));
        }
        request.Content = new FormUrlEncodedContent(values);
        using var response = await http.SendAsync(request);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>Posts fields with the given antiforgery token, or none: what a forged or replayed request sends.</summary>
    public async Task<HtmlPage> PostWithToken(string url, string? token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var values = fields.ToList();
        if (token is not null)
        {
            values.Add(new(HtmlPage.AntiforgeryField, token));
        }
        using var content = new FormUrlEncodedContent(values);
        using var response = await http.PostAsync(new Uri(url, UriKind.Relative), content);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>Sends JSON as a script on the site does (the cookie goes along): the status and the JSON answered, if any.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Json)> SendJson(HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>A file as the browser receives it: status, content type and the bytes.</summary>
    public async Task<(HttpStatusCode Status, string? ContentType, byte[] Content)> Download(string url)
    {
        using var response = await Get(url);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Sets up a political body through the form "Opret udvalg" and returns its id.</summary>
    public async Task<int> CreateBody(string name, string validFrom)
    {
        var form = await Open("/udvalg/nyt");
        var result = await Submit(form, new()
        {
            ["Input.Name"] = name,
            ["Input.Level"] = "Political",
            ["Input.ValidFrom"] = validFrom,
        });
        return IdFromRedirect(result, "/udvalg/");
    }

    /// <summary>
    /// As an administrator on /brugere: gives the account of the e-mail the secretariat of the body too (as for a body
    /// the administrator just set up, which no secretariat holds yet).
    /// </summary>
    public async Task GrantSecretariat(string email, int bodyId)
    {
        var list = await Open("/brugere");
        var row = list.Document.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.TextContent.Contains(email, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"/brugere (status {(int)list.Status}) viser ingen konto med {email}.");
        var account = await Open(row.QuerySelector("a")!.GetAttribute("href")!);
        var box = account.Document.GetElementById($"SecretariatOf_{bodyId}") as AngleSharp.Html.Dom.IHtmlInputElement
            ?? throw new InvalidOperationException($"{account.Address} har intet valg for udvalg {bodyId}.");
        box.IsChecked = true;
        var saved = await SubmitForm(account.FormWith(["SecretariatOf"]), []);
        if (saved.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Rollerne blev ikke gemt ({(int)saved.Status}): {saved.Text("[role=alert]")}");
        }
    }

    /// <summary>The body's id, after setting it up if it does not exist yet (tests of a class share one database).</summary>
    public async Task<int> EnsureBody(string name, string validFrom)
    {
        var bodies = await GetJson("/api/bodies");
        var existing = bodies.EnumerateArray().FirstOrDefault(b => b.GetProperty("name").GetString() == name);
        return existing.ValueKind == JsonValueKind.Object ? existing.GetProperty("id").GetInt32() : await CreateBody(name, validFrom);
    }

    /// <summary>Fills in "Tilføj medlemskab" of the body (Input.* fields) and sends it.</summary>
    public async Task<HtmlPage> AddMembership(int bodyId, Dictionary<string, string> fields)
    {
        var form = await Open($"/udvalg/{bodyId}/medlemskaber/nyt");
        if (form.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Formularen \"Tilføj medlemskab\" gav {(int)form.Status}.");
        }
        return await Submit(form, fields);
    }

    /// <summary>The body's memberships as the API lists them (membershipId, name, role, from, to ...).</summary>
    public async Task<JsonElement[]> Members(int bodyId) =>
        [.. (await GetJson($"/api/bodies/{bodyId}")).GetProperty("members").EnumerateArray()];

    /// <summary>The id of the one membership of the person in the body.</summary>
    public async Task<int> MembershipId(int bodyId, string name) =>
        (await Members(bodyId)).Single(m => m.GetProperty("name").GetString() == name).GetProperty("membershipId").GetInt32();

    /// <summary>
    /// Takes a step of the meeting's workflow with the button the meeting page offers for it (target: AgendaPublished,
    /// Held ...), with the reason where the form asks for one.
    /// </summary>
    public async Task<HtmlPage> ChangeStatus(int meetingId, string target, string? reason = null)
    {
        var page = await Open($"/moeder/{meetingId}");
        var form = page.FormWithValue("target", target);
        // The form asks for a reason only where the rules need one (e.g. too short notice); a reason given for a step
        // that needs none is not asked for, so not sent.
        var asks = form.Elements.Any(e => e.GetAttribute("name") == "reason");
        return await SubmitForm(form, reason is null || !asks ? [] : new() { ["reason"] = reason });
    }

    /// <summary>Adds an item through the agenda editor's "Tilføj punkt".</summary>
    public async Task<HtmlPage> AddItem(int meetingId, string title, int minutes = 15, bool closed = false, string kind = "Discussion")
    {
        var editor = await Open($"/moeder/{meetingId}/dagsorden/rediger");
        var fields = new Dictionary<string, string>
        {
            ["NewItem.Title"] = title,
            ["NewItem.Kind"] = kind,
            ["NewItem.DurationMinutes"] = minutes.ToString(CultureInfo.InvariantCulture),
        };
        if (closed)
        {
            fields["NewItem.IsClosed"] = "true";
        }
        // The form names its action ("?handler=Add"), so it is sent with SubmitForm, which resolves it against the page.
        return await SubmitForm(editor.FormWith(fields.Keys), fields);
    }

    /// <summary>The items of a draft agenda as its editor lists them, in order: the id (from the edit link) and the title.</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> DraftItems(int meetingId)
    {
        var editor = await Open($"/moeder/{meetingId}/dagsorden/rediger");
        if (editor.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Dagsordenens redigering gav {(int)editor.Status}; kun en kladde har den.");
        }
        return [.. editor.Document.QuerySelectorAll("ol.raad-items > li").Select(li =>
        {
            var link = li.QuerySelector("a[href^='/punkter/'][href$='/rediger']")
                ?? throw new InvalidOperationException("Et punkt i listen har intet redigeringslink.");
            var id = int.Parse(link.GetAttribute("href")!.Split('/')[2], CultureInfo.InvariantCulture);
            return (id, link.QuerySelector(".sr-only")?.TextContent.Trim() ?? "");
        })];
    }

    /// <summary>Attaches the file through the item's form "Tilføj bilag"; returns the new attachment's id.</summary>
    public async Task<int> Attach(int item, string title, string fileName, byte[] bytes, string contentType)
    {
        var form = await Open($"/punkter/{item}/rediger");
        var before = AttachmentIds(form);
        var result = await SubmitFile(form, new() { ["AttachmentTitle"] = title }, "File", fileName, bytes, contentType);
        Assert.True(result.Status == HttpStatusCode.Redirect, $"Bilaget \"{fileName}\" ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
        return Assert.Single(AttachmentIds(await Open($"/punkter/{item}/rediger")).Except(before));
    }

    private static List<int> AttachmentIds(HtmlPage itemPage) =>
        [.. itemPage.Document.QuerySelectorAll("a[href^='/bilag/']")
            .Select(a => int.Parse(a.GetAttribute("href")!["/bilag/".Length..], CultureInfo.InvariantCulture))];

    /// <summary>The id of the draft agenda's item with the title.</summary>
    public async Task<int> ItemId(int meetingId, string title) => (await DraftItems(meetingId)).Single(i => i.Title == title).Id;

    /// <summary>The titles of the meeting's items as GET /api/meetings/{id} gives them to this visitor.</summary>
    public async Task<string[]> ItemTitles(int meetingId) =>
        [.. (await GetJson($"/api/meetings/{meetingId}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    /// <summary>
    /// Records the decision on one item in the minutes editor ("Referat"), whose one form saves every item's decision;
    /// the other items are sent as the page shows them.
    /// </summary>
    public async Task<HtmlPage> Decide(int meetingId, int itemId, string quick, string text)
    {
        var editor = await Open($"/moeder/{meetingId}/referat/rediger");
        return await SubmitForm(editor.Decisions(), new()
        {
            [$"Decisions[{itemId}].Quick"] = quick,
            [$"Decisions[{itemId}].Text"] = text,
        });
    }

    /// <summary>
    /// Where the browser sends the form: its action resolved against the page's address, as a browser resolves
    /// "/moeder/7?handler=Status" (on Linux, new Uri("/moeder/7") alone would be a file path).
    /// </summary>
    private static Uri ActionOf(IHtmlFormElement form) =>
        new(new Uri(form.Owner?.DocumentUri ?? throw new InvalidOperationException("Formularen hører ikke til en side.")), form.Action);

    private static int IdFromRedirect(HtmlPage result, string prefix)
    {
        var path = result.RedirectTo?.AbsolutePath;
        if (path is null || !path.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Ikke gemt ({(int)result.Status}): {result.Text("[role=alert]")}");
        }
        return int.Parse(path[prefix.Length..].Split('/')[0], CultureInfo.InvariantCulture);
    }

    public void Dispose() => http.Dispose();
}
