using System.Text.RegularExpressions;

namespace Pipeline.Crawling.Discovery;

/// <summary>A query parameter that turns a listing into endless permutations, with a link that has it.</summary>
public sealed record TrapParameter(string Name, string Meaning, string Example);

/// <summary>
/// Calendars, date filters and sort orders: a listing link carrying one of these parameters shows
/// the same articles again in another selection or order, and every such page links to its
/// neighbours (the next day, month, order), so following them never ends. Such links are not
/// followed as listings (article links are never refused). A parameter is refused by its name (one
/// of the words below, alone or as a part of a name such as Liferay's <c>_8_month</c>), or by a
/// value that is a date (<c>ngaydang=15/03/2024</c>), whatever the name. A board whose only archive
/// is by date lists those pages as start points, which are never refused.
/// </summary>
public static partial class TrapParameters
{
    /// <summary>The words, each with a link that uses it as portals do.</summary>
    public static readonly IReadOnlyList<TrapParameter> Names =
    [
        new("date", "a day of a calendar", "/news?date=2024-03-15&page=1"),
        new("day", "a day of a calendar", "/news?day=15&month=3&year=2024"),
        new("month", "a month of a calendar", "/web/guest/lich?p_p_id=8&_8_month=2&_8_year=2024"),
        new("year", "a year of an archive", "/news?page=1&year=2019"),
        new("week", "a week of a calendar", "/news?week=11&page=1"),
        new("ngay", "ngày: a day", "/tin-tuc?page=1&ngay=2024-03-15"),
        new("thang", "tháng: a month", "/tin-tuc?page=1&thang=2&nam=2024"),
        new("nam", "năm: a year", "/tin-tuc?nam=2023&page=2"),
        new("tuan", "tuần: a week", "/tin-tuc?tuan=12"),
        new("tungay", "từ ngày: a date range's start", "/tin-tuc?tungay=01/01/2024&denngay=31/01/2024"),
        new("denngay", "đến ngày: a date range's end", "/tin-tuc?denngay=31/01/2024"),
        new("fromdate", "a date range's start", "/News.aspx?FromDate=1&PageIndex=2"),
        new("todate", "a date range's end", "/News.aspx?ToDate=7&PageIndex=2"),
        new("startdate", "a date range's start", "/news?startdate=0&page=1"),
        new("enddate", "a date range's end", "/news?enddate=0&page=1"),
        new("calendar", "a calendar view", "/news?calendar=1&page=1"),
        new("lich", "lịch: a calendar view", "/tin-tuc?lich=1"),
        new("sort", "an order of the same articles", "/tin-tuc?page=1&sort=ngay&order=asc"),
        new("sortby", "an order of the same articles", "/Pages/default.aspx?SortBy=Title&Page=2"),
        new("sortorder", "an order of the same articles", "/news?sortorder=desc&page=2"),
        new("order", "an order of the same articles", "/news?order=title&page=3"),
        new("orderby", "an order of the same articles", "/news?orderby=views"),
        new("direction", "a sort direction", "/news?direction=desc&page=2"),
        new("sapxep", "sắp xếp: an order", "/tin-tuc?sapxep=moi-nhat&trang=2"),
        new("filter", "a filter of the same articles", "/news?filter=all&page=2"),
    ];

    private static readonly HashSet<string> Words = new(Names.Select(n => n.Name), StringComparer.OrdinalIgnoreCase);

    /// <summary>The parameters of <paramref name="url"/> that make it a calendar, filter or sort permutation; empty when none.</summary>
    public static IReadOnlyList<string> In(Uri url)
    {
        if (url.Query.Length <= 1)
        {
            return [];
        }

        var found = new List<string>();
        foreach (var pair in url.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Unescape(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Unescape(pair[(equals + 1)..]);
            if (name.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(Words.Contains) || DateValue().IsMatch(value))
            {
                found.Add(name);
            }
        }

        return found;
    }

    private static readonly char[] Separators = ['_', '-', '.', '[', ']'];

    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    // 2024-03-15, 2024/3/15, 2024-03, 15/03/2024, 15-3-2024, 03/2024: a day or a month, however written.
    [GeneratedRegex(@"^\s*(\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?|(\d{1,2}[-/.]){1,2}\d{4})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DateValue();
}
