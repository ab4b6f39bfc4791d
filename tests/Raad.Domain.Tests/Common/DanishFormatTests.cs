using System.Globalization;
using Raad.Domain.Common;

namespace Raad.Domain.Tests.Common;

public class DanishFormatTests
{
    [Theory]
    [InlineData("2025-08-27", "27. august 2025")]
    [InlineData("2023-01-18", "18. januar 2023")]
    [InlineData("2023-04-26", "26. april 2023")]
    [InlineData("2024-03-18", "18. marts 2024")]
    [InlineData("2022-09-28", "28. september 2022")]
    [InlineData("2025-12-31", "31. december 2025")]
    [InlineData("2025-05-01", "1. maj 2025")]
    public void Date_prints_day_month_name_and_year(string iso, string danish)
    {
        Assert.Equal(danish, DanishFormat.Date(Date(iso)));
    }

    [Theory]
    [InlineData("2025-08-27", "onsdag 27. august 2025")]
    [InlineData("2025-10-29", "onsdag 29. oktober 2025")]
    [InlineData("2023-01-18", "onsdag 18. januar 2023")]
    [InlineData("2024-03-18", "mandag 18. marts 2024")]
    [InlineData("2024-10-31", "torsdag 31. oktober 2024")]
    [InlineData("2025-08-30", "lørdag 30. august 2025")]
    [InlineData("2025-08-31", "søndag 31. august 2025")]
    public void Date_with_weekday_prints_the_danish_day_name_first(string iso, string danish)
    {
        Assert.Equal(danish, DanishFormat.DateWithWeekday(Date(iso)));
    }

    [Theory]
    [InlineData(1, "januar")]
    [InlineData(2, "februar")]
    [InlineData(3, "marts")]
    [InlineData(4, "april")]
    [InlineData(5, "maj")]
    [InlineData(6, "juni")]
    [InlineData(7, "juli")]
    [InlineData(8, "august")]
    [InlineData(9, "september")]
    [InlineData(10, "oktober")]
    [InlineData(11, "november")]
    [InlineData(12, "december")]
    public void Month_names_are_danish_and_lower_case(int month, string name)
    {
        Assert.Equal(name, DanishFormat.MonthName(month));
    }

    [Theory]
    [InlineData(14, 0, 16, 0, "kl. 14.00-16.00")]
    [InlineData(13, 30, 15, 30, "kl. 13.30-15.30")]
    [InlineData(9, 5, 10, 0, "kl. 09.05-10.00")]
    public void Time_range_prints_kl_and_times_with_a_dot(int startHour, int startMinute, int endHour, int endMinute, string danish)
    {
        Assert.Equal(danish, DanishFormat.TimeRange(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute)));
    }

    [Theory]
    [InlineData(14, 55, "14.55")]
    [InlineData(10, 0, "10.00")]
    [InlineData(0, 5, "00.05")]
    public void Time_prints_hours_and_minutes_with_a_dot(int hour, int minute, string danish)
    {
        Assert.Equal(danish, DanishFormat.Time(new TimeOnly(hour, minute)));
    }

    [Theory]
    [InlineData(1, "1 minut")]
    [InlineData(5, "5 minutter")]
    [InlineData(50, "50 minutter")]
    [InlineData(0, "0 minutter")]
    public void Minutes_are_singular_only_for_one(int minutes, string danish)
    {
        Assert.Equal(danish, DanishFormat.Minutes(minutes));
    }

    [Theory]
    // Cluster funds, 27 August 2025 (Tabel 1)
    [InlineData(15_600_000, "15,6 mio. kr.")]
    [InlineData(15_400_000, "15,4 mio. kr.")]
    [InlineData(15_120_000, "15,12 mio. kr.")]
    [InlineData(2_050_000, "2,05 mio. kr.")]
    [InlineData(2_400_000, "2,4 mio. kr.")]
    [InlineData(1_990_000, "1,99 mio. kr.")]
    [InlineData(1_680_000, "1,68 mio. kr.")]
    [InlineData(4_000_000, "4 mio. kr.")]
    [InlineData(1_000_000, "1 mio. kr.")]
    [InlineData(480_000, "480.000 kr.")]
    [InlineData(280_000, "280.000 kr.")]
    [InlineData(240_000, "240.000 kr.")]
    [InlineData(200_000, "200.000 kr.")]
    // Grants changed between meetings
    [InlineData(500_000, "500.000 kr.")]
    // Funds for 2023: not a round number of millions, so printed in whole kroner as the minutes do
    [InlineData(7_803_439, "7.803.439 kr.")]
    [InlineData(3_936_286, "3.936.286 kr.")]
    [InlineData(3_867_153, "3.867.153 kr.")]
    // More than two decimals of a million would round: printed in kroner instead
    [InlineData(1_005_000, "1.005.000 kr.")]
    [InlineData(1_234_567, "1.234.567 kr.")]
    [InlineData(999_999, "999.999 kr.")]
    [InlineData(0, "0 kr.")]
    [InlineData(-280_000, "-280.000 kr.")]
    [InlineData(-2_050_000, "-2,05 mio. kr.")]
    public void Kroner_print_millions_with_up_to_two_decimals_and_other_amounts_in_whole_kroner(long amount, string danish)
    {
        Assert.Equal(danish, DanishFormat.Kroner(amount));
    }

    [Fact]
    public void Kroner_keep_oere_when_there_are_any()
    {
        Assert.Equal("480.000,5 kr.", DanishFormat.Kroner(480_000.5m));
    }

    [Fact]
    public void Granted_funds_of_27_august_2025_add_up_to_15_4_million_leaving_200_000()
    {
        decimal[] grants = [4_000_000m, 2_400_000m, 1_000_000m, 2_000_000m, 2_000_000m, 2_000_000m, 2_000_000m];
        var granted = grants.Sum();

        Assert.Equal("15,4 mio. kr.", DanishFormat.Kroner(granted));
        Assert.Equal("200.000 kr.", DanishFormat.Kroner(15_600_000m - granted));
    }

    [Fact]
    public void Danish_culture_uses_a_dot_for_thousands_and_a_comma_for_decimals()
    {
        Assert.Equal("da-DK", DanishFormat.Culture.Name);
        Assert.Equal(".", DanishFormat.Culture.NumberFormat.NumberGroupSeparator);
        Assert.Equal(",", DanishFormat.Culture.NumberFormat.NumberDecimalSeparator);
    }

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-08-27", "onsdag den 27. august 2025")]
    [InlineData("2023-04-26", "onsdag den 26. april 2023")]
    [InlineData("2025-10-29", "onsdag den 29. oktober 2025")]
    [InlineData("2027-01-01", "fredag den 1. januar 2027")]
    public void Long_date_prints_weekday_den_and_the_date(string iso, string danish)
    {
        Assert.Equal(danish, DanishFormat.LongDate(Date(iso)));
    }

    [Theory]
    [InlineData("2022-09-28", "2025-12-31", "28. september 2022 - 31. december 2025")]
    [InlineData("2027-01-01", null, "fra 1. januar 2027")]
    [InlineData("2025-08-04", "2025-08-08", "4.-8. august 2025")]
    [InlineData("2025-08-27", "2025-09-05", "27. august 2025 - 5. september 2025")]
    public void Period_prints_both_ends_or_from_while_it_runs(string from, string? to, string danish)
    {
        Assert.Equal(danish, DanishFormat.Period(Date(from), to is null ? null : Date(to)));
    }

    [Theory]
    [InlineData("A", "(A)")]
    [InlineData(" SF ", "(SF)")]
    [InlineData("Ø", "(Ø)")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Party_letter_is_printed_in_brackets(string? letter, string danish)
    {
        Assert.Equal(danish, DanishFormat.Party(letter));
    }
}
