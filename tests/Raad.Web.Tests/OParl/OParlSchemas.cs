using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Raad.Web.Tests.OParl;

/// <summary>
/// The twelve object schemas of OParl 1.1 (OParl, github.com/OParl/spec, CC BY-SA 4.0; see LICENSE-OParl-spec),
/// adapted to plain JSON Schema: "schema": "File.json" on an object becomes that schema inlined, the custom format
/// "url" becomes "uri", and OParl's own keywords (references, backreference, cardinality) are dropped. Validation
/// requires formats (date, date-time, uri). Unknown properties are reported too: the schemas allow them, but a name
/// the spec does not know is a mistake on our side.
/// </summary>
public static class OParlSchemas
{
    // Before the schemas below: static fields are set in the order they are written.
    private static readonly string[] Dropped = ["references", "backreference", "cardinality", "description", "title"];

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "OParl", "schema");
    private static readonly Dictionary<string, JsonObject> Raw = Directory.GetFiles(Folder, "*.json")
        .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => JsonNode.Parse(File.ReadAllText(f))!.AsObject());
    private static readonly Dictionary<string, JsonSchema> Built = Raw.Keys.ToDictionary(k => k, k =>
        JsonSchema.Build(JsonSerializer.SerializeToElement(Adapt(Raw[k].DeepClone(), 0, false)), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://schema.oparl.org/1.1/{k}.json")));

    private static JsonNode Adapt(JsonNode node, int depth, bool names)
    {
        switch (node)
        {
            case JsonObject o when names:
                // The map of "properties": its keys are OParl's names (type, description …), its values schemas.
                foreach (var (_, value) in o.ToList())
                {
                    if (value is not null)
                    {
                        Adapt(value, depth, false);
                    }
                }
                return o;
            case JsonObject o:
                foreach (var name in Dropped)
                {
                    if (o[name] is JsonValue)
                    {
                        o.Remove(name);
                    }
                }
                if (o["format"] is JsonValue f && f.ToString() == "url")
                {
                    o["format"] = "uri";
                }
                if (o["schema"] is JsonValue s)
                {
                    o.Remove("schema");
                    if (o["type"]?.ToString() == "object")
                    {
                        // An embedded object: its own schema, inlined (two levels are enough for what OParl embeds).
                        var embedded = depth < 3 ? Adapt(Raw[Path.GetFileNameWithoutExtension(s.ToString())].DeepClone(), depth + 1, false) : new JsonObject();
                        foreach (var (k, v) in embedded.AsObject().ToList())
                        {
                            o[k] = v?.DeepClone();
                        }
                    }
                }
                foreach (var (key, value) in o.ToList())
                {
                    if (value is not null)
                    {
                        Adapt(value, depth, key == "properties");
                    }
                }
                return o;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Adapt(item, depth, false);
                    }
                }
                return a;
            default:
                return node;
        }
    }

    /// <summary>The errors of one object against the schema its type names (deleted objects: only what the spec asks of them).</summary>
    public static IEnumerable<string> Errors(JsonObject o)
    {
        var type = ((string?)o["type"] ?? "").Replace("https://schema.oparl.org/1.1/", "", StringComparison.Ordinal);
        if (!Built.TryGetValue(type, out var schema))
        {
            yield return $"ukendt type {o["type"]}";
            yield break;
        }
        if (o["deleted"] is JsonValue d && d.GetValue<bool>())
        {
            // A deleted object keeps id, type, created, modified and deleted (spec 2.5.3); nothing else is required.
            foreach (var name in new[] { "id", "type", "created", "modified" })
            {
                if (o[name] is null)
                {
                    yield return $"{o["id"]}: slettet objekt uden {name}";
                }
            }
            yield break;
        }
        foreach (var name in new[] { "created", "modified" })
        {
            if (o[name] is null)
            {
                yield return $"{o["id"]}: uden {name}";
            }
        }
        var properties = Raw[type]["properties"]!.AsObject();
        foreach (var (name, _) in o)
        {
            if (!properties.ContainsKey(name))
            {
                yield return $"{o["id"]}: egenskaben {name} findes ikke i {type}";
            }
        }
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(o), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!result.IsValid)
        {
            foreach (var detail in result.Details ?? [])
            {
                foreach (var (keyword, error) in detail.Errors ?? new Dictionary<string, string>())
                {
                    yield return $"{o["id"]}: {detail.InstanceLocation} {keyword}: {error}";
                }
            }
        }
    }
}

/// <summary>The adapted schemas do refuse what OParl refuses, so a clean crawl means something.</summary>
public sealed class OParlSchemaTests
{
    [Fact]
    public void A_wrong_agenda_item_and_an_embedded_file_without_access_url_are_refused()
    {
        var item = JsonNode.Parse("""
            {"id":"http://x/oparl/v1/agendaitem/1","type":"https://schema.oparl.org/1.1/AgendaItem","order":"first",
             "created":"2025-08-27T14:00:00+02:00","modified":"2025-08-27T14:00:00+02:00","meeting":"not a url",
             "auxiliaryFile":[{"id":"http://x/oparl/v1/file/1","type":"https://schema.oparl.org/1.1/File"}]}
            """)!.AsObject();
        var errors = OParlSchemas.Errors(item).ToList();
        Assert.Contains(errors, e => e.Contains("/order", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/meeting", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/auxiliaryFile/0", StringComparison.Ordinal));
    }

    [Fact]
    public void An_object_without_created_or_with_an_unknown_property_is_refused()
    {
        var person = JsonNode.Parse("""{"id":"http://x/oparl/v1/person/1-1","type":"https://schema.oparl.org/1.1/Person","colour":"a"}""")!.AsObject();
        var errors = OParlSchemas.Errors(person).ToList();
        Assert.Contains(errors, e => e.Contains("uden created", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("egenskaben colour", StringComparison.Ordinal));
    }
}
