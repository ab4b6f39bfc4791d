namespace Raad.Domain.Search;

/// <summary>
/// The Snowball Danish stemmer (snowballstem.org/algorithms/danish/stemmer.html), written out here because
/// SQLite's FTS5 has none: the index and the query both hold stemmed words, so "indsatser" meets "indsats".
/// PostgreSQL's <c>danish</c> text search configuration runs the same algorithm, so both providers agree.
/// Input is one word; it is case-folded (lower-case, invariant) first.
/// </summary>
public static class DanishStemmer
{
    // The algorithm's vowels, æ/å/ø included.
    private const string Vowels = "aeiouyæåø";

    // Letters that may come before a removable final "s".
    private const string SEndings = "abcdfghjklmnoprtvyzå";

    // Step 1's suffixes, longest first so the first match is the longest one.
    private static readonly string[] Step1Suffixes =
    [
        "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens", "erets",
        "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene", "ere", "ens", "ers",
        "ets", "en", "er", "es", "et", "e",
    ];

    private static readonly string[] Step3Suffixes = ["elig", "løst", "lig", "els", "ig"];

    /// <summary>
    /// The search key of a word: stemmed until the stem no longer changes (at most three passes). One pass
    /// leaves "indsatser" at "indsats" and "indsats" at "indsat"; the key of both is "indsat". Index and query
    /// must both use the key.
    /// </summary>
    public static string Key(string word)
    {
        var key = Stem(word);
        for (var i = 0; i < 2; i++)
        {
            var next = Stem(key);
            if (next == key)
                break;
            key = next;
        }
        return key;
    }

    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        var r1 = RegionOne(w);
        w = Step1(w, r1);
        w = Step2(w, r1);
        w = Step3(w, r1);
        w = Step4(w, r1);
        return w;
    }

    // R1: after the first non-vowel that follows a vowel, but with at least three letters before it.
    private static int RegionOne(string w)
    {
        var r1 = w.Length;
        for (var i = 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1]))
            {
                r1 = i + 1;
                break;
            }
        }
        return Math.Min(w.Length, Math.Max(r1, 3));
    }

    private static bool IsVowel(char c) => Vowels.Contains(c);

    private static string Step1(string w, int r1)
    {
        foreach (var suffix in Step1Suffixes)
        {
            if (EndsInRegion(w, suffix, r1))
                return w[..^suffix.Length];
        }
        // The "s" must be in R1; the letter before it need not be.
        if (EndsInRegion(w, "s", r1) && w.Length >= 2 && SEndings.Contains(w[^2]))
            return w[..^1];
        return w;
    }

    private static string Step2(string w, int r1)
    {
        foreach (var suffix in (string[])["gd", "dt", "gt", "kt"])
        {
            if (EndsInRegion(w, suffix, r1))
                return w[..^1];
        }
        return w;
    }

    private static string Step3(string w, int r1)
    {
        if (w.EndsWith("igst", StringComparison.Ordinal))
            w = w[..^2];
        foreach (var suffix in Step3Suffixes)
        {
            if (!EndsInRegion(w, suffix, r1))
                continue;
            if (suffix == "løst")
                return w[..^1];
            return Step2(w[..^suffix.Length], r1);
        }
        return w;
    }

    // Undouble: a final double consonant whose last letter is in R1 loses one letter.
    private static string Step4(string w, int r1)
    {
        if (w.Length >= 2 && w.Length - 1 >= r1 && w[^1] == w[^2] && !IsVowel(w[^1]) && char.IsLetter(w[^1]))
            return w[..^1];
        return w;
    }

    private static bool EndsInRegion(string w, string suffix, int r1) =>
        w.Length - suffix.Length >= r1 && w.EndsWith(suffix, StringComparison.Ordinal);
}
