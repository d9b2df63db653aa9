using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.Extraction.Html;

/// <summary>A published date and where it was read.</summary>
internal sealed record FoundDate(string Value, string From);

/// <summary>
/// Reads a page's published date from meta tags, JSON-LD, time elements, Vietnamese date lines
/// ("Ngày đăng: 08/01/2019", "Thứ Năm - 11/01/2018 08:31 SA", "(27/07/2023)") and the URL.
/// Values are yyyy-MM-dd, with THH:mm when the source gives a time.
/// </summary>
internal static partial class DateReader
{
    private static readonly string[] MetaNames =
    [
        "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "publish_date",
        "DC.date.issued", "dcterms.issued", "DC.date", "dcterms.date", "citation_publication_date", "date", "created",
    ];

    public static FoundDate? FromMeta(PageFacts facts)
    {
        foreach (var name in MetaNames)
        {
            foreach (var (key, content) in facts.Metas)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && Parse(content) is { } value)
                {
                    return new FoundDate(value, "meta:" + name);
                }
            }
        }

        return null;
    }

    public static FoundDate? FromJsonLd(PageFacts facts)
    {
        foreach (var script in facts.JsonLd)
        {
            try
            {
                using var json = JsonDocument.Parse(script, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                if (FindPublished(json.RootElement, 0) is { } raw && Parse(raw) is { } value)
                {
                    return new FoundDate(value, "json-ld");
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other sources still count.
            }
        }

        return null;
    }

    private static string? FindPublished(JsonElement e, int depth)
    {
        if (depth > 16)
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("datePublished", out var p) && p.ValueKind == JsonValueKind.String)
            {
                return p.GetString();
            }

            foreach (var property in e.EnumerateObject())
            {
                if (FindPublished(property.Value, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                if (FindPublished(item, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    public static FoundDate? FromTime(PageFacts facts) =>
        facts.TimeDateTime is { } raw && Parse(raw) is { } value ? new FoundDate(value, "time") : null;

    public static FoundDate? FromUrl(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        var m = UrlDate().Match(url.AbsolutePath);
        return m.Success && Build(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, null, null, null) is { } value ? new FoundDate(value, "url") : null;
    }

    /// <summary>Reads an ISO timestamp, a Vietnamese numeric date (dd/MM/yyyy, with an optional time) or a worded one.</summary>
    public static string? Parse(string text)
    {
        var t = text.Trim();
        var iso = Iso().Match(t);
        if (iso.Success)
        {
            return Build(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, iso.Groups["h"].Value, iso.Groups["min"].Value, null);
        }

        var m = Numeric().Match(t);
        if (!m.Success)
        {
            m = Worded().Match(t);
        }

        if (!m.Success)
        {
            return null;
        }

        var time = Time().Match(t);
        return time.Success
            ? Build(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, time.Groups["h"].Value, time.Groups["min"].Value, time.Groups["ap"].Value)
            : Build(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, null, null, null);
    }

    /// <summary>
    /// A short block that is a date and little else: labels, a weekday, a time, a view count.
    /// PublishLabel tells a "Ngày đăng" line from a "Cập nhật" one.
    /// </summary>
    /// <summary>A header's "today" widget: a date line, but of the day the page is viewed, so never the page's date.</summary>
    public static bool IsTodayLine(string block) => TodayLabelPattern.IsMatch(block);

    public static bool IsDateLine(string block, out string? date, out bool publishLabel)
    {
        date = null;
        publishLabel = false;
        if (block.Length > 120 || !Numeric().IsMatch(block) && !Worded().IsMatch(block) && !Iso().IsMatch(block))
        {
            return false;
        }

        var rest = LineWords().Replace(Worded().Replace(Numeric().Replace(Iso().Replace(block, " "), " "), " "), " ");
        var letters = 0;
        foreach (var c in rest)
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        // A sentence that starts with its date ("Ngày 10/01/2018, Ban … tổ chức …") is body, not a date line:
        // beyond a few letters (a label, a signature) the line must not read as a sentence.
        var sentence = block.TrimEnd().EndsWith('.') && !block.TrimEnd().EndsWith("./.", StringComparison.Ordinal);
        if (letters > 30 || (letters > 10 && sentence))
        {
            return false;
        }

        date = Parse(block);
        publishLabel = PublishLabel().IsMatch(block);
        return date is not null;
    }

    /// <summary>A date written at the end of a title: "Hội nghị sơ kết … (27/07/2023)".</summary>
    public static (string Title, string? Date) SplitTitleDate(string title)
    {
        var m = TitleDate().Match(title);
        return m.Success ? (title[..m.Index].TrimEnd(), Parse(m.Value)) : (title, null);
    }

    private static string? Build(string y, string mo, string d, string? h, string? min, string? ampm)
    {
        var year = int.Parse(y, CultureInfo.InvariantCulture);
        var month = int.Parse(mo, CultureInfo.InvariantCulture);
        var day = int.Parse(d, CultureInfo.InvariantCulture);
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = $"{year:0000}-{month:00}-{day:00}";
        if (string.IsNullOrEmpty(h) || string.IsNullOrEmpty(min))
        {
            return date;
        }

        var hour = int.Parse(h, CultureInfo.InvariantCulture);
        var minute = int.Parse(min, CultureInfo.InvariantCulture);
        var pm = ampm is { Length: > 0 } && PageWords.AfternoonWords.Contains(ampm.ToLowerInvariant());
        var am = ampm is { Length: > 0 } && PageWords.MorningWords.Contains(ampm.ToLowerInvariant());
        hour = pm && hour < 12 ? hour + 12 : am && hour == 12 ? 0 : hour;
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? $"{date}T{hour:00}:{minute:00}" : date;
    }

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<h>\d{1,2}):(?<min>\d{2}))?")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![\d/])(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>(?:19|20)\d{2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Worded();

    private static readonly Regex TimePattern = new(
        $@"(?<![\d/])(?<h>\d{{1,2}})\s*[:hg]\s*(?<min>\d{{2}})(?::\d{{2}})?(?:\s*(?<ap>{PageWords.Alternatives(PageWords.AfternoonWords.Concat(PageWords.MorningWords))})(?!\p{{L}}))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex Time() => TimePattern;

    // Every word a date line may hold besides its date, and digit runs (a view count).
    private static readonly Regex LineWordsPattern = new(
        $@"(?<!\p{{L}})(?:{PageWords.Alternatives(PageWords.PublishLabels.Concat(PageWords.TodayLabels).Concat(PageWords.DateLineWords).Concat(PageWords.AfternoonWords).Concat(PageWords.MorningWords))})(?!\p{{L}})|\d+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex PublishLabelPattern = new(
        $@"(?<!\p{{L}})(?:{PageWords.Alternatives(PageWords.PublishLabels)})(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex TodayLabelPattern = new(
        $@"^\W*(?:{PageWords.Alternatives(PageWords.TodayLabels)})(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex LineWords() => LineWordsPattern;

    private static Regex PublishLabel() => PublishLabelPattern;

    [GeneratedRegex(@"\s*[(\[]\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[)\]]\s*$")]
    private static partial Regex TitleDate();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-](?<m>\d{1,2})[/-](?<d>\d{1,2})(?:/|$|[-_])|[/-](?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?!\d)")]
    private static partial Regex UrlDate();
}
