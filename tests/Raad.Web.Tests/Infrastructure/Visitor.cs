using System.Net;
using System.Text.Json;

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
    public async Task<HtmlPage> Submit(HtmlPage page, Dictionary<string, string> fields)
    {
        var element = page.FormWith(fields.Keys);
        // Every form of Raad posts with the token; a form without one would be refused, so say so here.
        _ = HtmlPage.AntiforgeryToken(element);
        using var content = new FormUrlEncodedContent(HtmlPage.Fill(element, fields));
        using var response = await http.PostAsync(new Uri(element.Action), content);
        return await HtmlPage.ReadAsync(response);
    }

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

    public void Dispose() => http.Dispose();
}
