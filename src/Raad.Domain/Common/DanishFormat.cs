using System.Globalization;

namespace Raad.Domain.Common;

/// <summary>Dates, times and amounts as Danish documents print them: "27. august 2025", "kl. 14.00-16.00", "15,6 mio. kr.".</summary>
public static class DanishFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("da-DK");

    private static readonly string[] MonthNames =
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

    private static readonly string[] DayNames =
        ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];

    public static string Date(DateOnly date) => $"{date.Day}. {MonthNames[date.Month - 1]} {date.Year}";

    public static string DateWithWeekday(DateOnly date) => $"{DayNames[(int)date.DayOfWeek]} {Date(date)}";

    /// <summary>As documents head a meeting and prose names its day: "onsdag den 27. august 2025".</summary>
    public static string LongDate(DateOnly date) => $"{DayNames[(int)date.DayOfWeek]} den {Date(date)}";

    /// <summary>A period of dates: "28. september 2022 - 31. december 2025", or "fra 1. januar 2027" while it runs.</summary>
    public static string Period(DateOnly from, DateOnly? to) => to is { } end
        ? from.Year == end.Year && from.Month == end.Month
            ? $"{from.Day}.-{Date(end)}"
            : $"{Date(from)} - {Date(end)}"
        : $"fra {Date(from)}";

    /// <summary>A party's letter as documents print it after a name: "(A)"; nothing without one.</summary>
    public static string Party(string? letter) => string.IsNullOrWhiteSpace(letter) ? "" : $"({letter.Trim()})";

    public static string MonthName(int month) => MonthNames[month - 1];

    public static string Time(TimeOnly time) => $"{time.Hour:00}.{time.Minute:00}";

    public static string TimeRange(TimeOnly start, TimeOnly end) => $"kl. {Time(start)}-{Time(end)}";

    public static string Minutes(int minutes) => minutes == 1 ? "1 minut" : $"{minutes} minutter";

    /// <summary>Whole kroner below a million ("480.000 kr."), millions with up to two decimals ("15,6 mio. kr.").</summary>
    public static string Kroner(decimal amount)
    {
        if (Math.Abs(amount) >= 1_000_000m)
        {
            var millions = amount / 1_000_000m;
            if (decimal.Round(millions, 2) == millions)
            {
                return $"{millions.ToString("0.##", Culture)} mio. kr.";
            }
        }
        return $"{amount.ToString("#,##0.##", Culture)} kr.";
    }
}
