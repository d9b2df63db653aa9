using Pipeline.Core;

namespace Pipeline.Web.Html;

/// <summary>What a figure measures, in the reader's words; the contract's name (investment_capital) stays beside it for data users.</summary>
public static class FigureLabels
{
    private static readonly Texts Metrics = new()
    {
        ["other"] = ("Khác", "Other"),
        ["projects"] = ("Dự án", "Projects"),
        ["investment_capital"] = ("Vốn đầu tư", "Investment capital"),
        ["production_value"] = ("Giá trị sản xuất", "Production value"),
        ["revenue"] = ("Doanh thu", "Revenue"),
        ["export_value"] = ("Kim ngạch xuất khẩu", "Exports"),
        ["import_value"] = ("Kim ngạch nhập khẩu", "Imports"),
        ["trade_value"] = ("Kim ngạch xuất nhập khẩu", "Trade"),
        ["budget_contribution"] = ("Nộp ngân sách", "Budget contribution"),
        ["labour"] = ("Lao động", "Labour"),
        ["enterprises"] = ("Doanh nghiệp", "Enterprises"),
        ["land_area"] = ("Diện tích đất", "Land area"),
        ["occupancy_rate"] = ("Tỷ lệ lấp đầy", "Occupancy rate"),
        ["output_quantity"] = ("Sản lượng", "Output quantity"),
        ["admin_procedures"] = ("Thủ tục hành chính", "Administrative procedures"),
    };

    private static readonly Texts Measures = new()
    {
        ["level"] = ("Mức", "Level"),
        ["change"] = ("Tăng/giảm", "Change"),
        ["change_pct"] = ("Tăng/giảm (%)", "Change (%)"),
        ["pct_of_plan"] = ("% kế hoạch", "% of plan"),
        ["pct_of_same_period"] = ("% cùng kỳ", "% of same period"),
        ["share_pct"] = ("Tỷ trọng (%)", "Share (%)"),
        ["ratio"] = ("Gấp (lần)", "Ratio"),
        ["change_pp"] = ("Tăng/giảm (điểm %)", "Change (points)"),
    };

    private static readonly Texts Scopes = new()
    {
        ["fdi"] = ("FDI", "FDI"),
        ["domestic"] = ("Trong nước", "Domestic"),
    };

    public static string Metric(Metric metric, Lang lang) => Label(Metrics, FigureJson.Name(metric), lang);

    public static string Measure(Measure measure, Lang lang) => Label(Measures, FigureJson.Name(measure), lang);

    public static string Scope(Scope? scope, Lang lang) => scope is { } s ? Label(Scopes, FigureJson.Name(s), lang) : "";

    // A value added to the contract later shows its name rather than failing the page.
    private static string Label(Texts table, string name, Lang lang) => table.ContainsKey(name) ? table.Get(name, lang) : name;
}
