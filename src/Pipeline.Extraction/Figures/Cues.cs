using Pipeline.Core;

namespace Pipeline.Extraction.Figures;

/// <summary>The kinds of unit a metric can be measured in; a cue only governs numbers of its kinds.</summary>
[Flags]
public enum UnitClass
{
    None = 0,
    Money = 1,
    Count = 2,
    Percent = 4,
    Area = 8,
    Quantity = 16,
    Any = Money | Count | Percent | Area | Quantity,
}

/// <summary>A phrase that says what the numbers after it measure.</summary>
public sealed record MetricCue(string Phrase, Metric Metric, UnitClass Governs);

/// <summary>
/// The cue tables of the figures layer: which words name which metric, scope, target or estimate.
/// Data, not code: adding a phrasing is one line here plus one example in the tests.
/// </summary>
public static class Cues
{
    private const UnitClass MoneyOrPercent = UnitClass.Money | UnitClass.Percent;

    public static readonly IReadOnlyList<MetricCue> Metrics =
    [
        // investment
        new("vốn đầu tư", Metric.InvestmentCapital, MoneyOrPercent), new("vốn đăng ký", Metric.InvestmentCapital, MoneyOrPercent),
        new("tổng vốn", Metric.InvestmentCapital, MoneyOrPercent), new("vốn fdi", Metric.InvestmentCapital, MoneyOrPercent),
        new("vốn", Metric.InvestmentCapital, MoneyOrPercent), new("cấp mới", Metric.InvestmentCapital, UnitClass.Money),
        new("tăng vốn", Metric.InvestmentCapital, UnitClass.Money), new("tổng mức đầu tư", Metric.InvestmentCapital, MoneyOrPercent),
        new("quy mô đầu tư", Metric.InvestmentCapital, UnitClass.Money), new("giải ngân", Metric.InvestmentCapital, MoneyOrPercent),
        new("thu hút đầu tư", Metric.InvestmentCapital, UnitClass.Money), new("đầu tư", Metric.InvestmentCapital, UnitClass.Money),
        new("fdi", Metric.InvestmentCapital, UnitClass.Money), new("ddi", Metric.InvestmentCapital, UnitClass.Money),
        new("thu hút", Metric.InvestmentCapital, UnitClass.Money), new("đăng ký đầu tư", Metric.InvestmentCapital, UnitClass.Money),
        // production
        new("giá trị sản xuất", Metric.ProductionValue, MoneyOrPercent), new("gtsx", Metric.ProductionValue, MoneyOrPercent),
        new("tổng sản phẩm", Metric.ProductionValue, MoneyOrPercent), new("sản xuất công nghiệp", Metric.ProductionValue, MoneyOrPercent),
        new("giá trị sản xuất kinh doanh", Metric.ProductionValue, MoneyOrPercent),
        new("giá trị sản lượng", Metric.ProductionValue, MoneyOrPercent),
        // revenue
        new("doanh thu", Metric.Revenue, MoneyOrPercent), new("doanh số", Metric.Revenue, MoneyOrPercent),
        // trade
        new("xuất khẩu", Metric.ExportValue, MoneyOrPercent), new("kim ngạch xuất khẩu", Metric.ExportValue, MoneyOrPercent),
        new("giá trị xuất khẩu", Metric.ExportValue, MoneyOrPercent), new("xuất khẩu hàng hóa", Metric.ExportValue, MoneyOrPercent),
        new("nhập khẩu", Metric.ImportValue, MoneyOrPercent), new("kim ngạch nhập khẩu", Metric.ImportValue, MoneyOrPercent),
        new("xuất nhập khẩu", Metric.TradeValue, MoneyOrPercent), new("xuất, nhập khẩu", Metric.TradeValue, MoneyOrPercent),
        new("xuất - nhập khẩu", Metric.TradeValue, MoneyOrPercent),
        // Goods passing through (re-exports, transit) are neither the zone's exports nor its imports.
        // Their share of the trade ("chiếm 41,5%") stays with the trade, so these govern amounts only.
        new("tạm nhập tái xuất", Metric.Other, UnitClass.Money), new("chuyển khẩu", Metric.Other, UnitClass.Money), new("quá cảnh", Metric.Other, UnitClass.Money),
        new("xuất siêu", Metric.Other, MoneyOrPercent), new("nhập siêu", Metric.Other, MoneyOrPercent), new("cán cân thương mại", Metric.Other, MoneyOrPercent),
        new("xnk", Metric.TradeValue, MoneyOrPercent), new("kim ngạch", Metric.TradeValue, MoneyOrPercent),
        // budget
        new("ngân sách", Metric.BudgetContribution, MoneyOrPercent), new("nộp ngân sách", Metric.BudgetContribution, MoneyOrPercent),
        new("thu ngân sách", Metric.BudgetContribution, MoneyOrPercent), new("nộp thuế", Metric.BudgetContribution, MoneyOrPercent),
        new("thuế", Metric.BudgetContribution, MoneyOrPercent), new("nsnn", Metric.BudgetContribution, MoneyOrPercent),
        // labour, enterprises, procedures (counts)
        new("lao động", Metric.Labour, UnitClass.Count | UnitClass.Percent), new("việc làm", Metric.Labour, UnitClass.Count | UnitClass.Percent),
        new("công nhân", Metric.Labour, UnitClass.Count | UnitClass.Percent), new("số người", Metric.Labour, UnitClass.Count),
        new("doanh nghiệp", Metric.Enterprises, UnitClass.Count), new("số doanh nghiệp", Metric.Enterprises, UnitClass.Count | UnitClass.Percent),
        new("số dự án", Metric.Projects, UnitClass.Count | UnitClass.Percent), new("dự án", Metric.Projects, UnitClass.Count),
        new("thủ tục", Metric.AdminProcedures, UnitClass.Count | UnitClass.Percent), new("hồ sơ", Metric.AdminProcedures, UnitClass.Count | UnitClass.Percent),
        new("tthc", Metric.AdminProcedures, UnitClass.Count | UnitClass.Percent), new("đúng hạn", Metric.AdminProcedures, UnitClass.Percent),
        new("trước hạn", Metric.AdminProcedures, UnitClass.Percent), new("đúng hẹn", Metric.AdminProcedures, UnitClass.Percent),
        // land
        new("diện tích", Metric.LandArea, UnitClass.Area | UnitClass.Percent), new("đất", Metric.LandArea, UnitClass.Area | UnitClass.Percent),
        new("cho thuê", Metric.LandArea, UnitClass.Area | UnitClass.Percent),
        new("tỷ lệ lấp đầy", Metric.OccupancyRate, UnitClass.Percent), new("lấp đầy", Metric.OccupancyRate, UnitClass.Percent),
        new("tỷ lệ cho thuê", Metric.OccupancyRate, UnitClass.Percent), new("tỷ lệ thuê đất", Metric.OccupancyRate, UnitClass.Percent),
        // output
        new("sản lượng", Metric.OutputQuantity, UnitClass.Quantity | UnitClass.Count | UnitClass.Percent),
        new("hàng hóa thông qua", Metric.OutputQuantity, UnitClass.Quantity | UnitClass.Count), new("thông qua cảng", Metric.OutputQuantity, UnitClass.Quantity | UnitClass.Count),
        new("công suất", Metric.OutputQuantity, UnitClass.Quantity),
        // explicitly "other": these stop a number inheriting a metric it does not measure
        new("grdp", Metric.Other, UnitClass.Any), new("gdp", Metric.Other, UnitClass.Any), new("tăng trưởng kinh tế", Metric.Other, UnitClass.Any),
        new("tiến độ", Metric.Other, UnitClass.Percent), new("khối lượng", Metric.Other, UnitClass.Percent),
        // Public investment (its disbursement is a board's duty, not capital attracted to the zones).
        new("vốn đầu tư công", Metric.Other, MoneyOrPercent), new("đầu tư công", Metric.Other, MoneyOrPercent),
        new("giá thuê", Metric.Other, UnitClass.Money), new("phí", Metric.Other, UnitClass.Money), new("tiền thuê", Metric.Other, UnitClass.Money),
        new("hạ tầng", Metric.Other, UnitClass.Money), new("tiền sử dụng", Metric.Other, UnitClass.Money),
        new("lợi nhuận", Metric.Other, UnitClass.Money), new("thu nhập", Metric.Other, UnitClass.Money), new("lương", Metric.Other, UnitClass.Money),
        new("chi phí", Metric.Other, UnitClass.Money), new("hỗ trợ", Metric.Other, UnitClass.Money), new("tỷ lệ giải ngân", Metric.InvestmentCapital, UnitClass.Percent),
    ];

    public static readonly IReadOnlyList<(string Phrase, Scope Scope)> Scopes =
    [
        ("fdi", Scope.Fdi), ("nước ngoài", Scope.Fdi), ("ngoài nước", Scope.Fdi), ("đầu tư trực tiếp nước ngoài", Scope.Fdi),
        ("có vốn đầu tư nước ngoài", Scope.Fdi), ("nhà đầu tư nước ngoài", Scope.Fdi), ("vốn ngoại", Scope.Fdi),
        ("trong nước", Scope.Domestic), ("ddi", Scope.Domestic), ("nội địa", Scope.Domestic), ("nhà đầu tư trong nước", Scope.Domestic),
        ("doanh nghiệp trong nước", Scope.Domestic),
    ];

    /// <summary>
    /// A project's owner named by nationality: "doanh nghiệp do nhà đầu tư Hàn Quốc thành lập", "Công ty TNHH X (Nhật Bản)",
    /// "nhà đầu tư Việt Nam". A country is the investor's only where <see cref="InvestorCountries"/> says so (a country alone is
    /// a market: "xuất khẩu sang Hàn Quốc"); these are scope words of the sentences only (tables read their own labels).
    /// One-syllable names ("Đức", "Pháp", "Anh", "Mỹ", "Áo") are left out: they are common words and names ("biện pháp",
    /// "quần áo", "Mỹ Phước"), and each would be looked up in every text for the rare owner they name.
    /// </summary>
    public static readonly IReadOnlyList<(string Phrase, Scope Scope)> Countries =
    [
        ("hàn quốc", Scope.Fdi), ("nhật bản", Scope.Fdi), ("trung quốc", Scope.Fdi), ("đài loan", Scope.Fdi), ("singapore", Scope.Fdi),
        ("hồng kông", Scope.Fdi), ("hong kong", Scope.Fdi), ("hoa kỳ", Scope.Fdi), ("thái lan", Scope.Fdi), ("malaysia", Scope.Fdi),
        ("indonesia", Scope.Fdi), ("philippines", Scope.Fdi), ("hà lan", Scope.Fdi), ("ấn độ", Scope.Fdi), ("australia", Scope.Fdi),
        ("canada", Scope.Fdi), ("thụy sĩ", Scope.Fdi), ("thụy điển", Scope.Fdi), ("đan mạch", Scope.Fdi), ("na uy", Scope.Fdi),
        ("phần lan", Scope.Fdi), ("tây ban nha", Scope.Fdi), ("italia", Scope.Fdi), ("israel", Scope.Fdi), ("samoa", Scope.Fdi),
        ("luxembourg", Scope.Fdi), ("new zealand", Scope.Fdi), ("thổ nhĩ kỳ", Scope.Fdi), ("quần đảo virgin", Scope.Fdi), ("ba lan", Scope.Fdi),
        // The home country names a domestic investor only after an investor noun (ScopeWords.HomeInvestorNouns): "Công ty TNHH
        // Canon Việt Nam" is a foreign firm's Vietnamese company.
        ("việt nam", Scope.Domestic),
    ];

    /// <summary>Words before a figure in its sentence that make it a goal rather than a result.</summary>
    public static readonly IReadOnlyList<string> Target =
    [
        "phấn đấu", "mục tiêu", "chỉ tiêu", "chỉ tiêu kế hoạch", "kế hoạch năm", "kế hoạch đặt ra", "đặt ra kế hoạch", "định hướng", "tầm nhìn", "dự kiến kế hoạch",
        "cần đạt", "phải đạt", "nhiệm vụ năm", "kế hoạch thu hút",
    ];

    /// <summary>Words in a figure's own clause that make it an estimate.</summary>
    public static readonly IReadOnlyList<string> Estimate =
    [
        "ước đạt", "ước tính", "ước thực hiện", "ước", "dự kiến", "dự ước", "khoảng ước", "ước khoảng",
    ];

    public static readonly IReadOnlyList<string> Increase =
    [
        "tăng", "tăng thêm", "tăng lên", "tăng trưởng", "tăng khoảng", "tăng hơn", "nhiều hơn", "tăng bình quân", "tăng trưởng bình quân",
        "bình quân tăng", "bình quân mỗi năm tăng", "tăng bình quân mỗi năm", "tăng bình quân hằng năm", "tăng trưởng bình quân hằng năm",
    ];
    public static readonly IReadOnlyList<string> Decrease = ["giảm", "giảm đi", "giảm xuống", "giảm khoảng", "giảm hơn", "ít hơn", "sụt giảm", "thấp hơn"];
    public static readonly IReadOnlyList<string> Plan = ["kế hoạch", "kh", "chỉ tiêu", "dự toán", "mục tiêu", "kế hoạch năm", "kế hoạch đề ra", "kế hoạch giao"];
    public static readonly IReadOnlyList<string> SamePeriod = ["cùng kỳ", "cùng kì", "năm trước", "năm ngoái", "kỳ trước", "quý trước", "tháng trước"];
    public static readonly IReadOnlyList<string> Share = ["chiếm", "chiếm tỷ lệ", "chiếm tỷ trọng", "chiếm khoảng", "chiếm hơn", "chiếm gần"];
}
