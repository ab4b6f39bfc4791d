using System.Text;

namespace Raad.Domain.Search;

/// <summary>
/// What the search index and the query agree on: words are runs of letters and digits, case-folded, and reduced
/// to their <see cref="DanishStemmer.Key"/>; the snippet marks the words whose key the query asked for, with
/// everything else HTML-escaped. Pure, so both providers' indexes are fed the same keys.
/// </summary>
public static class SearchText
{
    /// <summary>Shortest query word taken (shorter ones are ignored; a query with none is "too short").</summary>
    public const int MinimumWordLength = 2;

    public sealed record Word(int Start, int Length, string Key);

    /// <summary>
    /// Snowball's Danish stop words, the list PostgreSQL's 'danish' configuration drops (tsearch_data/danish.stop). A
    /// query never asks for them, on either provider, so SQLite and PostgreSQL answer the same.
    /// </summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af", "for", "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham", "hun", "nu", "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor", "eller", "hvad", "skal", "selv", "her", "alle", "vil", "blev", "kunne", "ind", "når", "være", "dog", "noget", "ville", "jo", "deres", "efter", "ned", "skulle", "denne", "end", "dette", "mit", "også", "under", "have", "dig", "anden", "hende", "mine", "alt", "meget", "sit", "sine", "vor", "mod", "disse", "hvis", "din", "nogle", "hos", "blive", "mange", "ad", "bliver", "hendes", "været", "thi", "jer", "sådan"
    };

    public static IReadOnlyList<Word> Words(string? text)
    {
        var words = new List<Word>();
        if (string.IsNullOrEmpty(text))
            return words;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
                i++;
            var word = text[start..i];
            words.Add(new Word(start, i - start, KeyOf(word)));
        }
        return words;
    }

    // Words with letters are stemmed; numbers are kept as they are.
    private static string KeyOf(string word) =>
        word.Any(char.IsLetter) ? DanishStemmer.Key(word) : word.ToLowerInvariant();

    /// <summary>The text as space-separated keys, for an FTS index column.</summary>
    public static string IndexText(string? text) => string.Join(' ', Words(text).Select(w => w.Key));

    /// <summary>The distinct keys of a query's words of at least <see cref="MinimumWordLength"/> letters, stop words left out.</summary>
    public static IReadOnlyList<string> QueryKeys(string? query) =>
        Words(query).Where(w => w.Length >= MinimumWordLength && !StopWords.Contains(w.Key)).Select(w => w.Key).Distinct().ToList();

    /// <summary>
    /// An HTML snippet of at most about <paramref name="length"/> characters around the first matching word, the
    /// matching words in <c>&lt;mark&gt;</c>, every other character escaped.
    /// </summary>
    public static string Snippet(string? text, IReadOnlyCollection<string> keys, int length = 200)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var words = Words(text);
        var first = words.FirstOrDefault(w => keys.Contains(w.Key));
        var from = first is null ? 0 : Math.Max(0, first.Start - length / 3);
        // Start and end on word boundaries.
        var startWord = words.FirstOrDefault(w => w.Start >= from);
        from = from == 0 || startWord is null ? 0 : startWord.Start;
        var to = Math.Min(text.Length, from + length);
        var cut = words.LastOrDefault(w => w.Start < to && w.Start + w.Length > to);
        if (cut is not null)
            to = cut.Start + cut.Length;
        var html = new StringBuilder();
        if (from > 0)
            html.Append("… ");
        var at = from;
        foreach (var w in words.Where(w => w.Start >= from && w.Start + w.Length <= to && keys.Contains(w.Key)))
        {
            html.Append(Escape(Flat(text[at..w.Start])));
            html.Append("<mark>").Append(Escape(text.Substring(w.Start, w.Length))).Append("</mark>");
            at = w.Start + w.Length;
        }
        html.Append(Escape(Flat(text[at..to])));
        if (to < text.Length)
            html.Append(" …");
        return html.ToString();
    }

    // The five characters HTML gives meaning to; Danish letters stay readable as they are.
    private static string Escape(string s) =>
        s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    // Line breaks and runs of white space read as one space in a snippet.
    private static string Flat(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ");
}
