using Pipeline.Application;
using Pipeline.Core;
using Pipeline.Web.Html;

namespace Pipeline.Web.Pages;

/// <summary>A document's figures as a table beside its text (document and extract pages): each numbered row links to its mark in the text.</summary>
public static class FigureList
{
    private static readonly Texts S = new()
    {
        ["caption"] = ("Các số liệu trong văn bản: chỉ tiêu, loại, phạm vi, đối tượng; độ tin cậy và quy tắc đã tìm ra số liệu", "The figures in the text: metric, measure, scope, subject; the confidence and the rule that found each"),
        ["n"] = ("#", "#"),
        ["metric"] = ("Chỉ tiêu", "Metric"),
        ["value"] = ("Giá trị", "Value"),
        ["period"] = ("Kỳ", "Period"),
        ["confidence"] = ("tin cậy", "confidence"),
        ["unmarked"] = ("không đánh dấu được trong văn bản (vị trí trùng hoặc ngoài văn bản)", "cannot be marked in the text (its span overlaps another or lies outside the text)"),
        ["estimate"] = ("ước tính", "estimate"),
        ["target"] = ("mục tiêu", "target"),
        ["about"] = ("khoảng", "about"),
        ["over"] = ("hơn", "over"),
        ["under"] = ("dưới", "under"),
        ["nearly"] = ("gần", "nearly"),
        ["none"] = ("Không tìm thấy số liệu nào.", "No figures found."),
    };

    /// <summary>The table; <paramref name="marked"/> holds the figures that have a mark to link to.</summary>
    public static Markup Table(PageContext page, IReadOnlyList<Figure> figures, IReadOnlySet<int> marked)
    {
        string T(string key) => S.Get(key, page.Lang);
        if (figures.Count == 0)
        {
            return Markup.Of($"<p class=\"no-figures\">{T("none")}</p>");
        }

        var rows = figures.Select((f, i) =>
        {
            var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var cell = marked.Contains(i)
                ? Markup.Of($"<a href=\"#{FigureMarks.Id(i)}\">{number}</a>")
                : Markup.Of($"<span title=\"{T("unmarked")}\">{number}</span>");
            var flags = string.Join(", ", new[]
            {
                f.Approx == Approx.Exact ? null : T(FigureJson.Name(f.Approx)),
                f.Estimate ? T("estimate") : null,
                f.Target ? T("target") : null,
            }.Where(x => x is not null));
            var flagMarkup = flags.Length > 0 ? Markup.Of($" <small class=\"flags\">({flags})</small>") : Markup.Empty;
            var details = string.Join(" · ", new[] { FigureLabels.Measure(f.Measure, page.Lang), FigureLabels.Scope(f.Scope, page.Lang), f.Subject ?? "" }.Where(x => x.Length > 0));
            return Markup.Of($"""
                <tr id="row-{FigureMarks.Id(i)}">
                <td class="n">{cell}</td>
                <td><span class="metric" title="{FigureJson.Name(f.Metric)}">{FigureLabels.Metric(f.Metric, page.Lang)}</span><br><small class="measure">{details}</small><br><small class="rule">{T("confidence")} {VietnameseFormat.Number(Math.Round((decimal)f.Confidence, 2))} · <code>{f.Rule}</code></small></td>
                <td class="value"><span class="amount">{VietnameseFormat.Value(f)}</span>{flagMarkup}</td>
                <td class="period">{f.Period ?? "–"}</td>
                </tr>
                """);
        });
        return Markup.Of($"""
            <table class="data figure-list">
            <caption>{T("caption")}</caption>
            <thead><tr><th scope="col">{T("n")}</th><th scope="col">{T("metric")}</th><th scope="col">{T("value")}</th><th scope="col">{T("period")}</th></tr></thead>
            <tbody>
            {rows}
            </tbody>
            </table>
            """);
    }
}
