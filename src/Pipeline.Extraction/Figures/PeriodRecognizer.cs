using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>A period named in the text. Comparison: the base of a "so với" comparison. Planned: a plan's or task's period.</summary>
public sealed record PeriodMention(int Start, int End, string Period, bool Comparison, bool Planned, bool HasYear);

/// <summary>
/// Finds the periods a text names, in FIGURES.md's forms: 2020, 2023-H1, 2022-Q3, 2023-06,
/// 2022-01..2022-10, ..2023-06 (cumulative), 2016..2020. A period without a year
/// ("6 tháng đầu năm") takes the reference year.
/// </summary>
public static class PeriodRecognizer
{
    // Start: where the mention starts when not at the match (the span form's words before its years); null for the match's own start.
    private sealed record Form(string Name, Regex Pattern, Func<Match, Reference, string?> Read, Func<string, int, int>? Start = null);

    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
    private static readonly string First = MatchKey.Fold("đầu");
    private static readonly string Last = MatchKey.Fold("cuối");

    // The pattern is folded like the text it runs on, so it must not use upper-case escapes (\S, \D, \W).
    private static Regex R(string pattern) => new(MatchKey.Fold(pattern), Options);

    // The words an optional lead of a form may be (see LeadStart).
    private static readonly string[] SpanLeadKeys = new[] { "giai đoạn", "thời kỳ", "từ năm" }.Select(MatchKey.Fold).ToArray();
    private static readonly string[] AsOfLeadKeys = new[] { "tính", "lũy kế" }.Select(MatchKey.Fold).ToArray();

    private static readonly Form[] Forms =
    [
        new("cumulative-month", R(@"lũy kế\s+(?:đến|tới|từ [^;.]{0,30}? đến)?\s*(?:hết\s+)?(?:ngày\s+\d{1,2}\s*/\s*)?(?:tháng\s+)?(\d{1,2})\s*[/-]\s*(\d{4})"),
            (m, r) => $"..{Year(m, 2)}-{Month(m, 1)}"),
        new("cumulative-year", R(@"lũy kế\s+(?:đến|tới)?\s*(?:hết\s+|cuối\s+)?năm\s+(\d{4})"),
            (m, r) => $"..{Year(m, 1)}-12"), // summed up to the year's end, as "lũy kế đến hết tháng 12/2018" would be
        new("as-of-month", R(@"(?:tính|lũy kế|tích lũy)\s+(?:đến|tới|đến thời điểm)\s*(?:hết\s+|cuối\s+)?(?:thời điểm\s+)?(?:ngày\s+)?(?:\d{1,2}\s*/\s*)?(?:tháng\s+)?(\d{1,2})\s*[/-]\s*(\d{4})"),
            (m, r) => $"{Year(m, 2)}-{Month(m, 1)}"),
        // "Đến cuối năm 2019, có 238 doanh nghiệp": a point at the year's end, with or without "tính".
        // The optional "tính"/"lũy kế" is found by looking back from "đến", as for the span form below.
        new("as-of-year-end", R(@"(?:đến|tới)\s+(?:hết|cuối)\s+năm\s+(\d{4})"),
            (m, r) => $"{Year(m, 1)}-12", (key, at) => LeadStart(key, at, AsOfLeadKeys, blankRequired: true)),
        // "giai đoạn 2016-2020": the years are matched (the engine jumps from digit to digit) and the words before
        // them found by looking back, which is what an optional lead in the pattern matched, at a fraction of the cost.
        new("span", R(@"(?<![\d.,/])((?:19|20)\d{2})\s*(?:[-–—]|đến|tới)\s*(?:năm\s+)?((?:19|20)\d{2})(?!\d|[.,]\d)"),
            (m, r) => int.Parse(m.Groups[2].Value) > int.Parse(m.Groups[1].Value) ? $"{m.Groups[1].Value}..{m.Groups[2].Value}" : null,
            (key, at) => LeadStart(key, at, SpanLeadKeys, blankRequired: false)),
        // Anchored on "tháng" (the count sits in a look-behind) so the engine jumps from one "tháng" to the next.
        new("months", R(@"(?<=(?<![\d.,/])(\d{1,2}|sáu|chín|mười một|mười|ba|tám|bảy|năm|bốn|hai)\s+)tháng\s+(?:(đầu|cuối)\s+)?năm(?:\s+(\d{4}|nay))?"),
            (m, r) => Months(m, r.Year)),
        new("months-from-start", R(@"từ đầu năm(?:\s+(\d{4}))?\s+(?:đến|tới)\s+(?:nay|(?:hết\s+|cuối\s+)?(?:ngày\s+\d{1,2}\s*/\s*)?(?:tháng\s+)?(\d{1,2})(?:\s*[/-]\s*(\d{4}))?)"),
            (m, r) => MonthsFromStart(m, r)),
        new("months-bare", R(@"(?<=(?:trong|sau|qua|tính chung|lũy kế|hết)\s+(\d{1,2}|sáu|chín|mười một|mười|ba|tám|bảy|bốn|hai)\s+)tháng(?=[\s,;.:])(?!\s+(?:tới|nữa|trước|sau|liên|đầu|cuối|năm|\d))|(?<=(?<![\d.,/])(\d{1,2}|sáu|chín|mười một|mười|ba|tám|bảy|bốn|hai)\s+)tháng\s+(?:qua|vừa qua|này)"),
            (m, r) => Months(m, r.Year, m.Groups[1].Success ? 1 : 2)),
        new("half", R(@"nửa\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?"),
            (m, r) => $"{Year(m, 2, r.Year)}-{(m.Groups[1].Value == First ? "H1" : "H2")}"),
        new("quarter", R(@"quý\s+(iv|i{1,3}|[1-4])(?!\w)(?:\s*(?:[/-]|năm|,)?\s*((?:19|20)\d{2}))?"),
            (m, r) => $"{Year(m, 2, r.Year)}-Q{Quarter(m.Groups[1].Value)}"),
        new("date", R(@"ngày\s+\d{1,2}\s*(?:/\s*\d{1,2}|\s+tháng\s+\d{1,2})(?:\s*(?:/|năm)\s*\d{4})?"),
            (_, r) => null),
        new("month", R(@"(?<![\d.,]\s?)tháng\s+(\d{1,2})(?!\d|[.,]\d)(?:\s*(?:[/-]|năm)\s*(\d{4}))?"),
            (m, r) => $"{Year(m, 2, r.Year)}-{Month(m, 1)}"),
        // "cả năm 6.750 tỷ đồng" is this year's amount; "cả năm 2024" is the year form below.
        new("this-year", R(@"(?<=(?:cả|trong)\s)năm(?!\w| (?:19|20)\d{2}(?!\d|[.,]\d))|năm nay(?!\w)"),
            (_, r) => r.Year > 0 ? r.Year.ToString(CultureInfo.InvariantCulture) : null),
        new("last-year", R(@"năm (?:trước|ngoái)"),
            (_, r) => r.Year > 0 ? (r.Year - 1).ToString(CultureInfo.InvariantCulture) : null),
        new("year", R(@"năm\s+((?:19|20)\d{2})(?!\d|[.,]\d)"),
            (m, r) => m.Groups[1].Value),
    ];

    /// <summary>
    /// Where a form's optional lead starts when one stands right before the match (blanks between; at least one when
    /// <paramref name="blankRequired"/>), else the match's own start: what "(?:lead)?\s*" or "(?:lead\s+)?" before the
    /// pattern matched. Leads end in different letters, so at most one can end there.
    /// </summary>
    private static int LeadStart(string key, int at, string[] leads, bool blankRequired)
    {
        var blank = at;
        while (blank > 0 && char.IsWhiteSpace(key[blank - 1]))
        {
            blank--;
        }

        if (blankRequired && blank == at)
        {
            return at;
        }

        foreach (var lead in leads)
        {
            if (key.AsSpan(0, blank).EndsWith(lead, StringComparison.Ordinal))
            {
                return blank - lead.Length;
            }
        }

        return at;
    }

    // "so với cùng kỳ năm 2022", "so với thời điểm cuối năm 2020": the base of a comparison, not the figure's period.
    // "bằng 98% cùng kỳ năm trước", "gấp gần 6 lần năm 2012" too: a comparison's base follows these.
    private static readonly Regex ComparisonLead = R(@"(?:so với|so cùng kỳ|cùng kỳ|gấp(?:\s+[^\s]+){1,2}\s+lần)(?:\s+[^\s\d,;.]+){0,4}\s+$|(?:so với|cùng kỳ)\s+$");
    private static readonly Regex PlanLead = R(@"(?:nhiệm vụ|phương hướng|kế hoạch|phấn đấu|mục tiêu|triển khai|định hướng|chỉ tiêu|dự kiến|sẽ|tầm nhìn|đến năm)(?:[^.;]{0,40})$");

    // A lead without one of these words cannot match the pattern above it (every branch starts with one), so most
    // leads are settled by one vectorised search instead of the pattern tried at each of their positions.
    private static readonly SearchValues<string> ComparisonWords = SearchValues.Create(new[] { "so với", "cùng kỳ", "gấp" }.Select(MatchKey.Fold).ToArray(), StringComparison.Ordinal);
    private static readonly SearchValues<string> PlanWords = SearchValues.Create(
        new[] { "nhiệm vụ", "phương hướng", "kế hoạch", "phấn đấu", "mục tiêu", "triển khai", "định hướng", "chỉ tiêu", "dự kiến", "sẽ", "tầm nhìn", "đến năm" }
            .Select(MatchKey.Fold).ToArray(), StringComparison.Ordinal);

    /// <summary>The year (and month, for "đến nay") that year-less periods belong to; 0 when unknown.</summary>
    public readonly record struct Reference(int Year, int Month);

    public static IReadOnlyList<PeriodMention> Find(string key, int referenceYear, int referenceMonth = 0)
    {
        if (!MayName(key))
        {
            return [];
        }

        var reference = new Reference(referenceYear, referenceMonth);
        var found = new List<PeriodMention>();
        var taken = new TakenSpans();
        foreach (var form in Forms)
        {
            taken.Seal();
            foreach (Match m in form.Pattern.Matches(key))
            {
                var start = form.Start?.Invoke(key, m.Index) ?? m.Index + (m.Length - m.ValueSpan.TrimStart().Length);
                for (var g = 1; g < m.Groups.Count; g++)
                {
                    if (m.Groups[g].Success && m.Groups[g].Length > 0 && m.Groups[g].Index < start)
                    {
                        start = m.Groups[g].Index; // a count held in a look-behind ("6 tháng") starts the mention
                    }
                }

                var end = m.Index + m.Length;
                if (taken.Overlaps(start, end))
                {
                    continue;
                }

                taken.Add(start, end);
                var period = form.Read(m, reference);
                if (period is null || period.Contains("0000", StringComparison.Ordinal))
                {
                    continue;
                }

                var lead = key.AsSpan(Math.Max(0, start - 60), Math.Min(60, start));
                var comparison = lead.ContainsAny(ComparisonWords) && ComparisonLead.IsMatch(lead);
                var planned = lead.ContainsAny(PlanWords) && PlanLead.IsMatch(lead);
                var hasYear = HasFourDigits(m.ValueSpan) || form.Name is "last-year";
                found.Add(new PeriodMention(start, end, period, comparison, planned, hasYear));
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    // Every form needs a digit or one of these words, so a text with neither ("Số dự án", "KCN Quế Võ": most table
    // headers and row labels) names no period and is not run through fifteen patterns.
    private static readonly SearchValues<string> AnchorWords = SearchValues.Create(
        new[] { "tháng", "năm", "quý", "ngày" }.Select(MatchKey.Fold).ToArray(), StringComparison.Ordinal);

    private static bool MayName(string key)
    {
        if (key.AsSpan().ContainsAny(AnchorWords))
        {
            return true;
        }

        foreach (var c in key)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    // What the pattern \d{4} finds: four digits in a row (\d is any Unicode decimal digit, as char.IsDigit).
    private static bool HasFourDigits(ReadOnlySpan<char> text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsDigit(c) ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same period a number of years earlier: "cùng kỳ" of 2023-H1 is 2022-H1.</summary>
    /// <summary>
    /// The spans already read as periods, which never overlap: those of earlier forms in one sorted list, the current
    /// form's in another (its matches come in text order), merged when the next form starts. An overlap test is a
    /// binary search, not a walk over every span, so a long text stays linear.
    /// </summary>
    private sealed class TakenSpans
    {
        private List<(int Start, int End)> _sealed = [];
        private readonly List<(int Start, int End)> _current = [];

        public bool Overlaps(int start, int end) => Overlaps(_sealed, start, end) || Overlaps(_current, start, end);

        public void Add(int start, int end)
        {
            var at = _current.Count;
            while (at > 0 && _current[at - 1].Start > start)
            {
                at--; // kept sorted by start should a match ever come out of order
            }

            _current.Insert(at, (start, end));
        }

        public void Seal()
        {
            if (_current.Count == 0)
            {
                return;
            }

            var merged = new List<(int Start, int End)>(_sealed.Count + _current.Count);
            var (a, b) = (0, 0);
            while (a < _sealed.Count || b < _current.Count)
            {
                merged.Add(b == _current.Count || a < _sealed.Count && _sealed[a].Start <= _current[b].Start ? _sealed[a++] : _current[b++]);
            }

            _sealed = merged;
            _current.Clear();
        }

        // Spans sorted by start that do not overlap: only those starting before the end can overlap, and walking back
        // from the last of them stops at the first non-empty span ending at or before the start (all before it end earlier).
        private static bool Overlaps(List<(int Start, int End)> spans, int start, int end)
        {
            var (low, high) = (0, spans.Count);
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (spans[mid].Start < end)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            for (var i = low - 1; i >= 0; i--)
            {
                var t = spans[i];
                if (start < t.End && end > t.Start)
                {
                    return true;
                }

                if (t.End <= start && t.Start < t.End)
                {
                    return false;
                }
            }

            return false;
        }
    }

    public static string? Shift(string? period, int years)
    {
        if (period is null)
        {
            return null;
        }

        return Regex.Replace(period, @"(?:19|20)\d{2}", m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + years).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The point a stock is measured at when its period is a span: 2023-H1 → 2023-06, 2022 → 2022-12.</summary>
    public static string? EndPoint(string? period)
    {
        if (period is null)
        {
            return null;
        }

        var p = period.TrimStart('.');
        var range = p.LastIndexOf("..", StringComparison.Ordinal);
        if (range >= 0)
        {
            p = p[(range + 2)..];
        }

        var m = Regex.Match(p, @"^((?:19|20)\d{2})(?:-(H[12]|Q[1-4]|\d{2}))?$");
        if (!m.Success)
        {
            return period;
        }

        var year = m.Groups[1].Value;
        return m.Groups[2].Value switch
        {
            "" => $"{year}-12",
            "H1" => $"{year}-06",
            "H2" => $"{year}-12",
            ['Q', var q] => $"{year}-{(q - '0') * 3:00}",
            var month => $"{year}-{month}",
        };
    }

    /// <summary>The month a period starts in ("2023-H2" → "2023-07", "2016..2020" → "2016-01"); null for a cumulative period or none.</summary>
    public static string? StartPoint(string? period)
    {
        if (period is null || period.StartsWith("..", StringComparison.Ordinal))
        {
            return null;
        }

        var first = period.Split("..")[0];
        var m = Regex.Match(first, @"^((?:19|20)\d{2})(?:-(H[12]|Q[1-4]|\d{2}))?$");
        if (!m.Success)
        {
            return null;
        }

        var year = m.Groups[1].Value;
        return m.Groups[2].Value switch
        {
            "" or "H1" => $"{year}-01",
            "H2" => $"{year}-07",
            ['Q', var q] => $"{year}-{(q - '0') * 3 - 2:00}",
            var month => $"{year}-{month}",
        };
    }

    private static string Year(Match m, int group, int fallback = 0) =>
        m.Groups[group].Success && m.Groups[group].Value.Length == 4 ? m.Groups[group].Value
        : fallback > 0 ? fallback.ToString(CultureInfo.InvariantCulture) : "0000";

    private static string Month(Match m, int group)
    {
        var month = int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 ? month.ToString("00", CultureInfo.InvariantCulture) : "00";
    }

    private static int Quarter(string q) => q switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        _ => 4,
    };

    private static readonly Dictionary<string, int> MonthWords = new()
    {
        [MatchKey.Fold("hai")] = 2,
        [MatchKey.Fold("ba")] = 3,
        [MatchKey.Fold("bốn")] = 4,
        [MatchKey.Fold("năm")] = 5,
        [MatchKey.Fold("sáu")] = 6,
        [MatchKey.Fold("bảy")] = 7,
        [MatchKey.Fold("tám")] = 8,
        [MatchKey.Fold("chín")] = 9,
        [MatchKey.Fold("mười")] = 10,
        [MatchKey.Fold("mười một")] = 11,
    };

    private static string? MonthsFromStart(Match m, Reference r)
    {
        var year = m.Groups[3].Success ? m.Groups[3].Value : Year(m, 1, r.Year);
        var month = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : r.Month;
        return year == "0000" || month is < 1 or > 12 ? null : month == 12 ? year : $"{year}-01..{year}-{month:00}";
    }

    private static string? Months(Match m, int referenceYear, int countGroup = 1)
    {
        var n = int.TryParse(m.Groups[countGroup].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d
            : MonthWords.GetValueOrDefault(m.Groups[countGroup].Value);
        if (n is < 1 or > 12)
        {
            return null;
        }

        var yearText = countGroup == 1 && m.Groups[3].Success && m.Groups[3].Value.Length == 4 ? m.Groups[3].Value : null;
        var year = yearText ?? (referenceYear > 0 ? referenceYear.ToString(CultureInfo.InvariantCulture) : null);
        if (year is null)
        {
            return null;
        }

        var last = countGroup == 1 && m.Groups[2].Value == Last;
        if (n == 12)
        {
            return year;
        }

        if (n == 6)
        {
            return $"{year}-{(last ? "H2" : "H1")}";
        }

        if (n == 3 && !last)
        {
            return $"{year}-Q1";
        }

        return last ? $"{year}-{13 - n:00}..{year}-12" : $"{year}-01..{year}-{n:00}";
    }
}
