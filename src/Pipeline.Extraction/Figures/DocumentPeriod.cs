using Pipeline.Extraction.Documents;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>
/// The period a document reports on: the first period its title names that is not a plan's,
/// else the first its lead paragraph names; the reference year for year-less periods comes with it.
/// </summary>
public static class DocumentPeriod
{
    private static readonly string[] ReviewWords = new[] { "tổng kết", "kết quả năm", "năm qua", "cả năm", "báo cáo năm" }.Select(MatchKey.Fold).ToArray();

    public static DocumentContext Decide(PreparedText text, DocumentMetadata metadata, int publishedYear)
    {
        var titleKey = metadata.TitleSpan is { } span ? text.Key[span.Start..span.End]
            : metadata.Title is { } t ? MatchKey.Fold(TextCleaner.Clean(t)) : "";
        var titleYear = PeriodRecognizer.Find(titleKey, 0).Select(p => PeriodRecognizer.YearOf(p.Period)).FirstOrDefault(y => y is not null);
        var reference = titleYear ?? (publishedYear > 0 ? publishedYear : 0);

        string? period = null;
        var fromTitle = PeriodRecognizer.Find(titleKey, reference).FirstOrDefault(p => !p.Planned && !p.Comparison)
                        ?? PeriodRecognizer.Find(titleKey, reference).FirstOrDefault(p => !p.Comparison);
        if (fromTitle is not null)
        {
            period = fromTitle.Period;
        }
        else
        {
            var leadEnd = Math.Min(text.Key.Length, metadata.BodyStart + 600);
            var lead = text.Key[metadata.BodyStart..leadEnd];
            var fromLead = PeriodRecognizer.Find(lead, reference).FirstOrDefault(p => !p.Planned && !p.Comparison);
            period = fromLead?.Period;
        }

        if (reference == 0 && PeriodRecognizer.YearOf(period) is { } y)
        {
            reference = y;
        }

        var review = ReviewWords.Any(w => titleKey.Contains(w, StringComparison.Ordinal)) && period is { Length: 4 };
        var month = metadata.Published is { Length: >= 7 } p && int.TryParse(p[5..7], System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 0;
        return new DocumentContext(period, reference, review, metadata.TitleSpan, month);
    }
}
