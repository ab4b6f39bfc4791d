using Raad.Domain.Search;

namespace Raad.Domain.Tests.Search;

public class SearchTextTests
{
    [Theory]
    [InlineData("Indsatser for ældre", "indsats")]
    [InlineData("Sundhedsrådene mødes", "sundhedsråd")]
    public void A_word_form_and_its_base_share_a_key(string text, string query)
    {
        var indexed = SearchText.IndexText(text).Split(' ');
        Assert.Contains(SearchText.QueryKeys(query).Single(), indexed);
    }

    [Fact]
    public void Index_text_is_the_keys_case_folded_and_numbers_kept()
    {
        Assert.Equal("mød 2027 hospital", SearchText.IndexText("MØDET, 2027: Hospitalerne!"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a")]
    [InlineData("- ? !")]
    public void A_query_without_a_word_of_two_letters_has_no_keys(string query)
    {
        Assert.Empty(SearchText.QueryKeys(query));
    }

    [Fact]
    public void The_snippet_marks_matching_forms_and_escapes_the_rest()
    {
        var keys = SearchText.QueryKeys("indsats");
        var html = SearchText.Snippet("<b>Nye</b> \"indsatser\" & én Indsats", keys);
        Assert.Equal("&lt;b&gt;Nye&lt;/b&gt; &quot;<mark>indsatser</mark>&quot; &amp; én <mark>Indsats</mark>", html);
    }

    [Fact]
    public void A_long_text_is_cut_around_the_first_match_on_word_boundaries()
    {
        var text = string.Join(' ', Enumerable.Repeat("fyld", 100)) + " sundhedsrådene " + string.Join(' ', Enumerable.Repeat("mere", 100));
        var html = SearchText.Snippet(text, SearchText.QueryKeys("sundhedsråd"), 60);
        Assert.True(html.StartsWith("… fyld", StringComparison.Ordinal), html);
        Assert.Contains("<mark>sundhedsrådene</mark>", html);
        Assert.EndsWith(" …", html);
        Assert.True(html.Length < 120);
    }

    [Fact]
    public void A_query_leaves_out_the_danish_stop_words_that_postgresql_drops_so_both_providers_answer_alike()
    {
        Assert.Equal([DanishStemmer.Key("sundhedsråd")], SearchText.QueryKeys("og i sundhedsrådene"));
        Assert.Empty(SearchText.QueryKeys("og i at de"));
        // PostgreSQL sees only keys, so it is the key that counts: "alle" is "all", no stop word on either side.
        Assert.Equal([DanishStemmer.Key("alle")], SearchText.QueryKeys("alle"));
        // The index keeps them: the words are still there to be shown and marked.
        Assert.Contains("og", SearchText.IndexText("Sundhed og omsorg").Split(' '));
    }
}
