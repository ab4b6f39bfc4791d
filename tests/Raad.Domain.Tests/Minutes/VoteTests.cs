using Raad.Domain.Minutes;

namespace Raad.Domain.Tests.Minutes;

public class VoteTests
{
    [Theory]
    [InlineData("A,SF", "C", "Ø", "For stemte: A, SF; Imod stemte: C; Undlod: Ø.")]
    [InlineData("A", "", "", "For stemte: A.")]
    [InlineData("", "C", "", "Imod stemte: C.")]
    [InlineData("", "", "Ø,F", "Undlod: Ø, F.")]
    public void A_vote_prints_as_the_minutes_do(string @for, string against, string abstained, string sentence)
    {
        static List<string> Split(string s) => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries)];

        var vote = new ItemVote { For = Split(@for), Against = Split(against), Abstained = Split(abstained) };

        Assert.Equal(sentence, vote.Sentence);
    }

    [Fact]
    public void An_empty_vote_is_refused()
    {
        var result = ItemVote.Check([], [], []);

        Assert.Equal("vote.empty", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void A_name_in_two_columns_is_refused()
    {
        var result = ItemVote.Check(["Lars Gaardhøj"], ["lars gaardhøj"], []);

        Assert.Equal("vote.twice", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Dissent_and_disqualification_read_as_in_the_minutes()
    {
        Assert.Equal("Protokoltilførsel fra Britt Jensen: Imod.", Dissent.Sentence("Britt Jensen", "Imod."));
        Assert.Equal("Britt Jensen deltog ikke i sagens behandling.", Disqualification.Sentence("Britt Jensen"));
    }
}
