using System.Text;
using Raad.Domain.Accounts;

namespace Raad.Domain.Tests.Accounts;

/// <summary>The second factor's codes, against the published test vectors and the drift Raad allows.</summary>
public class TotpTests
{
    // RFC 6238, Appendix B: the seed for each hash is the ASCII digits "1234567890" repeated to the hash's key length.
    private static byte[] Seed(TotpAlgorithm algorithm) => Encoding.ASCII.GetBytes(algorithm switch
    {
        TotpAlgorithm.Sha1 => "12345678901234567890",
        TotpAlgorithm.Sha256 => "12345678901234567890123456789012",
        _ => "1234567890123456789012345678901234567890123456789012345678901234",
    });

    public static TheoryData<long, TotpAlgorithm, string> AppendixB => new()
    {
        { 59, TotpAlgorithm.Sha1, "94287082" },
        { 59, TotpAlgorithm.Sha256, "46119246" },
        { 59, TotpAlgorithm.Sha512, "90693936" },
        { 1111111109, TotpAlgorithm.Sha1, "07081804" },
        { 1111111109, TotpAlgorithm.Sha256, "68084774" },
        { 1111111109, TotpAlgorithm.Sha512, "25091201" },
        { 1111111111, TotpAlgorithm.Sha1, "14050471" },
        { 1111111111, TotpAlgorithm.Sha256, "67062674" },
        { 1111111111, TotpAlgorithm.Sha512, "99943326" },
        { 1234567890, TotpAlgorithm.Sha1, "89005924" },
        { 1234567890, TotpAlgorithm.Sha256, "91819424" },
        { 1234567890, TotpAlgorithm.Sha512, "93441116" },
        { 2000000000, TotpAlgorithm.Sha1, "69279037" },
        { 2000000000, TotpAlgorithm.Sha256, "90698825" },
        { 2000000000, TotpAlgorithm.Sha512, "38618901" },
        { 20000000000, TotpAlgorithm.Sha1, "65353130" },
        { 20000000000, TotpAlgorithm.Sha256, "77737706" },
        { 20000000000, TotpAlgorithm.Sha512, "47863826" },
    };

    [Theory]
    [MemberData(nameof(AppendixB))]
    public void The_code_at_each_time_of_RFC_6238_appendix_B_is_the_one_listed(long unixSeconds, TotpAlgorithm algorithm, string expected)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, Totp.Code(Seed(algorithm), step, digits: 8, algorithm));
    }

    [Fact]
    public void The_six_digit_code_is_the_last_six_digits_of_the_eight_digit_one()
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(1111111109));

        Assert.Equal("081804", Totp.Code(Seed(TotpAlgorithm.Sha1), step));
    }

    [Theory]
    [InlineData(-31, false)]
    [InlineData(-30, true)]
    [InlineData(0, true)]
    [InlineData(29, true)]
    [InlineData(30, true)]
    [InlineData(59, true)]
    [InlineData(60, false)]
    public void A_code_is_accepted_one_step_either_side_of_now_and_no_further(int secondsLater, bool accepted)
    {
        var key = Seed(TotpAlgorithm.Sha1);
        // The start of a step, so that each second above is a whole number of steps away or not.
        var shown = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 - (1_800_000_000 % 30));
        var code = Totp.Code(key, Totp.StepAt(shown));

        var step = Totp.MatchingStep(key, code, shown.AddSeconds(secondsLater));

        Assert.Equal(accepted, step is not null);
        if (accepted)
        {
            Assert.Equal(Totp.StepAt(shown), step);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void A_code_that_is_not_six_digits_is_refused(string? typed)
    {
        Assert.Null(Totp.MatchingStep(Seed(TotpAlgorithm.Sha1), typed, DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    [Fact]
    public void Spaces_in_a_typed_code_are_ignored()
    {
        var key = Seed(TotpAlgorithm.Sha1);
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var code = Totp.Code(key, Totp.StepAt(now));

        Assert.NotNull(Totp.MatchingStep(key, $" {code[..3]} {code[3..]} ", now));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_follows_RFC_4648_without_padding(string text, string base32)
    {
        Assert.Equal(base32, Base32.Encode(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(text, Encoding.ASCII.GetString(Base32.Decode(base32)!));
        Assert.Equal(text, Encoding.ASCII.GetString(Base32.Decode(Base32.Grouped(base32).ToLowerInvariant())!));
    }

    [Fact]
    public void A_text_that_is_not_base32_is_refused()
    {
        Assert.Null(Base32.Decode("MZXW1"));
    }

    [Fact]
    public void The_authenticator_address_names_the_issuer_the_account_and_the_secret()
    {
        Assert.Equal(
            "otpauth://totp/Raad:anne%40region.test?secret=MZXW6YTBOI&issuer=Raad&algorithm=SHA1&digits=6&period=30",
            Totp.Uri("Raad", "anne@region.test", "MZXW6YTBOI"));
    }
}
