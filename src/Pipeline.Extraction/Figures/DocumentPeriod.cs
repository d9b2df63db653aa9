using System.Globalization;
using Pipeline.Extraction.Documents;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>
/// The period a document reports on (FIGURES.md "The document's period carries"): the first period its title
/// names that is not a plan's; else the first its lead paragraph names that is neither a plan's, a
/// comparison's base nor history ("thành lập năm 2002"). A notice (a meeting's invitation, a procedure) reports
/// on no period. The reference year for year-less periods ("6 tháng đầu năm", "năm nay") is the title's year,
/// else the year of publication; "đến nay" ends at the end of the document's period when it has one, else at
/// the month of publication.
/// </summary>
public static class DocumentPeriod
{
    /// <summary>How far into the body the lead is read for the document's period.</summary>
    private const int LeadLength = 600;

    public static DocumentContext Decide(PreparedText text, DocumentMetadata metadata, int publishedYear)
    {
        var titleKey = metadata.TitleSpan is { } span ? text.Key[span.Start..span.End]
            : metadata.Title is { } t ? MatchKey.Fold(TextCleaner.Clean(t)) : "";
        var titleYear = PeriodRecognizer.Find(titleKey, 0).Where(p => !History(titleKey, p.Start))
            .Select(p => Pipeline.Core.Periods.FirstYear(p.Period)).FirstOrDefault(y => y is not null);
        var reference = titleYear ?? (publishedYear > 0 ? publishedYear : 0);
        var publishedMonth = metadata.Published is { Length: >= 7 } p && int.TryParse(p[5..7], CultureInfo.InvariantCulture, out var m) ? m : 0;

        var period = Notice(titleKey) ? null : Find(text, metadata, titleKey, reference, publishedMonth);
        if (reference == 0 && Pipeline.Core.Periods.FirstYear(period) is { } y)
        {
            reference = y;
        }

        var review = Words.Review.Keys.Any(w => titleKey.Contains(w, StringComparison.Ordinal)) && period is { Length: 4 };
        return new DocumentContext(period, reference, review, metadata.TitleSpan, ReferenceMonth(period, reference, publishedMonth));
    }

    private static string? Find(PreparedText text, DocumentMetadata metadata, string titleKey, int reference, int publishedMonth)
    {
        var inTitle = PeriodRecognizer.Find(titleKey, reference, publishedMonth).Where(p => !p.Comparison && !History(titleKey, p.Start)).ToList();
        var fromTitle = inTitle.FirstOrDefault(p => !p.Planned) ?? inTitle.FirstOrDefault();
        if (fromTitle is not null)
        {
            return fromTitle.Period;
        }

        var leadEnd = Math.Min(text.Key.Length, metadata.BodyStart + LeadLength);
        var lead = text.Key[metadata.BodyStart..leadEnd];
        return PeriodRecognizer.Find(lead, reference, publishedMonth)
            .FirstOrDefault(p => !p.Planned && !p.Comparison && !History(lead, p.Start) && !Future(p.Period, metadata.Published))?.Period;
    }

    /// <summary>"từ đầu năm đến nay" in a "10 tháng đầu năm" report runs to October, not to the month it was published in.</summary>
    private static int ReferenceMonth(string? period, int reference, int publishedMonth)
    {
        if (period is null || Pipeline.Core.Periods.FirstYear(period) != reference || period.StartsWith("..", StringComparison.Ordinal) || period.Length == 4)
        {
            return publishedMonth;
        }

        var end = PeriodRecognizer.EndPoint(period);
        return end is { Length: 7 } && int.TryParse(end[5..], CultureInfo.InvariantCulture, out var month) ? month : publishedMonth;
    }

    /// <summary>A year named as history ("được thành lập năm 2002", "kể từ năm 2015") is not the period reported on.</summary>
    private static bool History(string key, int at) =>
        FigureExtractor.EndsWithAny(key[Math.Max(0, at - 40)..at].TrimEnd(), Words.NotReportPeriod) is not null;

    /// <summary>A period that begins after the page was published ("vận hành trong quý IV/2021" in 2019) is a plan, not what is reported.</summary>
    private static bool Future(string period, string? published) =>
        published is { Length: >= 7 } && PeriodRecognizer.StartPoint(period) is { } start && string.CompareOrdinal(start, published[..7]) > 0;

    /// <summary>A notice, an invitation or a procedure reports no figures of a period.</summary>
    private static bool Notice(string titleKey) =>
        FigureExtractor.StartsWithAny(titleKey.TrimStart(), Words.NoticeTitles.Keys, out _);
}
