using Pipeline.Core;

namespace Pipeline.Web.Html;

/// <summary>
/// What the pages call the contract's names (metric, measure, scope, page type, bound) in each language;
/// the contract's own name stays beside it for data users. A name without a label shows as itself, so a
/// metric added later is never hidden.
/// </summary>
public static class FigureLabels
{
    private static readonly Texts S = new()
    {
        ["metric:projects"] = ("Số dự án", "Projects"),
        ["metric:investment_capital"] = ("Vốn đầu tư", "Investment capital"),
        ["metric:production_value"] = ("Giá trị sản xuất", "Production value"),
        ["metric:revenue"] = ("Doanh thu", "Revenue"),
        ["metric:export_value"] = ("Kim ngạch xuất khẩu", "Exports"),
        ["metric:import_value"] = ("Kim ngạch nhập khẩu", "Imports"),
        ["metric:trade_value"] = ("Xuất nhập khẩu", "Trade"),
        ["metric:budget_contribution"] = ("Nộp ngân sách", "Budget contribution"),
        ["metric:labour"] = ("Lao động", "Workers"),
        ["metric:enterprises"] = ("Số doanh nghiệp", "Enterprises"),
        ["metric:land_area"] = ("Diện tích đất", "Land area"),
        ["metric:occupancy_rate"] = ("Tỷ lệ lấp đầy", "Occupancy rate"),
        ["metric:output_quantity"] = ("Sản lượng", "Output quantity"),
        ["metric:admin_procedures"] = ("Thủ tục hành chính", "Administrative procedures"),
        ["metric:other"] = ("Khác", "Other"),
        ["measure:level"] = ("Giá trị", "Level"),
        ["measure:change"] = ("Tăng/giảm", "Change"),
        ["measure:change_pct"] = ("Tăng/giảm (%)", "Change (%)"),
        ["measure:pct_of_plan"] = ("% kế hoạch", "% of plan"),
        ["measure:pct_of_same_period"] = ("% so với cùng kỳ", "% of the same period"),
        ["measure:share_pct"] = ("Tỷ trọng (%)", "Share (%)"),
        ["measure:ratio"] = ("Gấp (lần)", "Ratio (times)"),
        ["measure:change_pp"] = ("Tăng/giảm (điểm %)", "Change (points)"),
        ["scope:fdi"] = ("FDI", "FDI"),
        ["scope:domestic"] = ("Trong nước", "Domestic"),
        ["scope:none"] = ("Tổng (không tách)", "Total (no scope)"),
        ["type:report"] = ("Báo cáo", "Report"),
        ["type:project"] = ("Dự án", "Project"),
        ["type:event"] = ("Sự kiện", "Event"),
        ["type:notice"] = ("Thông báo", "Notice"),
        ["type:procedure"] = ("Thủ tục", "Procedure"),
        ["type:job"] = ("Tuyển dụng", "Jobs"),
        ["type:photo"] = ("Ảnh", "Photos"),

        // The bound a qualifier puts on a value, written before it: "hơn 500 dự án", "khoảng 1,2 tỷ USD".
        ["approx:about"] = ("khoảng", "about"),
        ["approx:over"] = ("hơn", "over"),
        ["approx:under"] = ("dưới", "under"),
        ["approx:nearly"] = ("gần", "nearly"),
        ["estimate"] = ("ước", "estimate"),
        ["target"] = ("kế hoạch", "target"),
    };

    public static string Metric(Metric metric, Lang lang) => Metric(FigureJson.Name(metric), lang);

    public static string Measure(Measure measure, Lang lang) => Measure(FigureJson.Name(measure), lang);

    /// <summary>A figure's scope, or "" when it has none (a document lists only what a figure says).</summary>
    public static string Scope(Scope? scope, Lang lang) => scope is { } s ? Scope(FigureJson.Name(s), lang) : "";

    public static string Metric(string name, Lang lang) => Label("metric:" + name, name, lang);

    public static string Measure(string name, Lang lang) => Label("measure:" + name, name, lang);

    public static string Scope(string? name, Lang lang) => Label("scope:" + (name ?? "none"), name ?? "", lang);

    public static string PageType(string? name, Lang lang) => name is null ? "" : Label("type:" + name, name, lang);

    /// <summary>The word a bound puts before a value ("hơn"), or "" for an exact value.</summary>
    public static string Approx(string name, Lang lang) => name == "exact" ? "" : Label("approx:" + name, "", lang);

    public static string Estimate(Lang lang) => S.Get("estimate", lang);

    public static string Target(Lang lang) => S.Get("target", lang);

    private static string Label(string key, string fallback, Lang lang) => S.ContainsKey(key) ? S.Get(key, lang) : fallback;
}
