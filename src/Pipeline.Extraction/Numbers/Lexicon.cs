using Pipeline.Core;

namespace Pipeline.Extraction.Numbers;

/// <summary>A unit word as written, what FIGURES.md calls it, and whether it names money.</summary>
public sealed record UnitWord(string Written, string Unit);

/// <summary>
/// The language tables of the numbers layer, kept as data beside the code that reads them.
/// Every entry is written in plain Vietnamese; the matcher folds case and tone placement.
/// </summary>
public static class Lexicon
{
    /// <summary>Scale words multiply and stack: "nghìn tỷ" is 10¹².</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Scales = new Dictionary<string, decimal>
    {
        ["nghìn"] = 1_000m,
        ["ngàn"] = 1_000m,
        ["ngh"] = 1_000m,
        ["k"] = 1_000m,
        ["vạn"] = 10_000m,
        ["triệu"] = 1_000_000m,
        ["tr"] = 1_000_000m,
        ["tỷ"] = 1_000_000_000m,
        ["tỉ"] = 1_000_000_000m,
        ["trăm"] = 100m,
    };

    /// <summary>Units after a number, longest first when matched.</summary>
    public static readonly IReadOnlyList<UnitWord> UnitWords =
    [
        new("việt nam đồng", Units.Vnd), new("vnđ", Units.Vnd), new("vnd", Units.Vnd), new("đồng", Units.Vnd), new("đ", Units.Vnd),
        new("đô la mỹ", Units.Usd), new("đô-la mỹ", Units.Usd), new("đô la", Units.Usd), new("đôla", Units.Usd), new("usd", Units.Usd),
        new("us$", Units.Usd), new("đô", Units.Usd),
        new("euro", "EUR"), new("eur", "EUR"), new("yên nhật", "JPY"), new("yên", "JPY"), new("nhân dân tệ", "CNY"), new("won", "KRW"),
        new("%%", Units.Percent), new("%", Units.Percent), new("phần trăm", Units.Percent), new("điểm phần trăm", Units.Percent), new("điểm %", Units.Percent),
        new("lượt dự án", Units.Project), new("dự án", Units.Project), new("lượt điều chỉnh", Units.Project),
        new("người lao động", Units.Worker), new("lao động", Units.Worker), new("lđ", Units.Worker), new("công nhân", Units.Worker),
        new("việc làm", Units.Worker), new("người", Units.Worker), new("kỹ sư", Units.Worker), new("chuyên gia", Units.Worker),
        new("doanh nghiệp", Units.Enterprise), new("dn", Units.Enterprise),
        new("thủ tục hành chính", Units.Procedure), new("thủ tục", Units.Procedure), new("tthc", Units.Procedure), new("bộ hồ sơ", Units.Procedure), new("hồ sơ", Units.Procedure),
        new("hécta", Units.Hectare), new("héc-ta", Units.Hectare), new("hec-ta", Units.Hectare), new("hecta", Units.Hectare), new("ha", Units.Hectare),
        new("mét vuông", Units.SquareMetre), new("m2", Units.SquareMetre), new("m²", Units.SquareMetre),
        new("mét khối", Units.CubicMetre), new("m3", Units.CubicMetre), new("m³", Units.CubicMetre),
        new("km2", "km2"), new("km²", "km2"), new("km", "km"),
        new("tấn", Units.Tonne),
        new("sản phẩm", Units.Item), new("chiếc", Units.Item), new("cái", Units.Item), new("đôi", Units.Item), new("tấm", Units.Item),
        new("xe", Units.Item), new("bộ sản phẩm", Units.Item),
        // Production counted by the piece: "120 triệu viên/năm" (bricks) is a capacity, not 120 million đồng.
        new("viên", Units.Item), new("chai", Units.Item), new("hộp", Units.Item), new("cuộn", Units.Item),
        // Counted things outside the contract's units: kept as "count" so they can still be figures of metric other.
        new("teu", Units.Count), new("lượt tàu", Units.Count), new("lượt khách", Units.Count), new("lượt", Units.Count),
        new("tờ khai", Units.Count), new("lượt phương tiện", Units.Count), new("lượt xe", Units.Count),
        new("lần", Units.Times),
        new("mw", "MW"), new("kwh", "kWh"),
    ];

    /// <summary>"/năm" after a unit makes a rate: USD/m2, m3/day.</summary>
    public static readonly IReadOnlyDictionary<string, string> PerUnits = new Dictionary<string, string>
    {
        ["m2"] = "m2",
        ["m²"] = "m2",
        ["ha"] = "ha",
        ["m3"] = "m3",
        ["tấn"] = "tonne",
        ["năm"] = "year",
        ["tháng"] = "month",
        ["ngày đêm"] = "day",
        ["ngày"] = "day",
        ["giờ"] = "hour",
        ["người"] = "person",
        ["lao động"] = "person",
        ["người/tháng"] = "person/month",
    };

    /// <summary>Words that bound a number; the one nearest the number wins.</summary>
    public static readonly IReadOnlyDictionary<string, Approx> Qualifiers = new Dictionary<string, Approx>
    {
        ["khoảng"] = Approx.About,
        ["xấp xỉ"] = Approx.About,
        ["tương đương"] = Approx.About,
        ["tương đương với"] = Approx.About,
        ["chừng"] = Approx.About,
        ["ước chừng"] = Approx.About,
        ["trên dưới"] = Approx.About,
        ["khoảng chừng"] = Approx.About,
        ["hơn"] = Approx.Over,
        ["trên"] = Approx.Over,
        ["vượt"] = Approx.Over,
        ["hơn mức"] = Approx.Over,
        ["vượt mức"] = Approx.Over,
        ["gần"] = Approx.Nearly,
        ["gần như"] = Approx.Nearly,
        ["dưới"] = Approx.Under,
        ["chưa đến"] = Approx.Under,
        ["chưa tới"] = Approx.Under,
        ["chưa đầy"] = Approx.Under,
        ["không đến"] = Approx.Under,
        ["ít hơn"] = Approx.Under,
    };

    /// <summary>Words that may stand in a qualifier chain without bounding the number ("ước đạt khoảng hơn").</summary>
    public static readonly IReadOnlySet<string> ChainWords = new HashSet<string>
    {
        "ước", "ước đạt", "ước tính", "ước thực hiện", "dự kiến", "đạt", "là", "lên", "lên tới", "lên đến", "tới", "đến", "với", "được", "có",
    };

    /// <summary>Words before a number that make it a requirement quoted from a rule, not a result.</summary>
    public static readonly IReadOnlySet<string> RequirementWords = new HashSet<string>
    {
        "tối thiểu", "tối đa", "không thấp hơn", "không quá", "không vượt quá", "không dưới", "ít nhất là",
    };

    /// <summary>Words before a bare number that make it part of a name, a date or an ordinal, not a figure.</summary>
    public static readonly IReadOnlySet<string> NamingWords = new HashSet<string>
    {
        "số", "lô", "lô số", "khu số", "thứ", "lần thứ", "hạng", "top", "một trong", "giai đoạn", "phân khu", "đường", "quốc lộ", "ql",
        "tỉnh lộ", "tl", "tuyến", "tổ", "ấp", "khu phố", "phường", "quận", "khóa", "lần", "đợt", "phiên", "nghị định", "thông tư",
        "điều", "khoản", "chương", "mục", "phụ lục", "tháng", "năm", "ngày", "quý", "tuần", "nghị quyết", "quyết định", "công văn",
        "chỉ thị", "kế hoạch số", "iso", "tcvn", "qcvn", "covid", "covid-", "mã", "mã số", "mã dự án", "số hiệu", "ký hiệu",
        "lượt xem", "truy cập", "lượt truy cập", "đang truy cập", "hôm nay", "hôm qua", "trong tuần", "tháng hiện tại", "tháng trước",
        "năm hiện tại", "online", "đang online", "trực tuyến", "bình luận", "lượt thích", "views",
        "điện thoại", "đt", "tel", "fax", "hotline", "di động", "mã số thuế", "mst", "email", "zalo", "trang", "xếp thứ", "đứng thứ",
    };

    /// <summary>Words after a bare number that make it a duration, a date or clock time.</summary>
    public static readonly IReadOnlySet<string> TimeWords = new HashSet<string>
    {
        "năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "giây", "thập kỷ", "kỳ", "nhiệm kỳ", "lần thứ",
    };

    /// <summary>Vietnamese number words, for "ba dự án" and "hai mươi lăm doanh nghiệp".</summary>
    public static readonly IReadOnlyDictionary<string, int> NumberWords = new Dictionary<string, int>
    {
        ["không"] = 0,
        ["linh"] = 0,
        ["lẻ"] = 0,
        ["một"] = 1,
        ["mốt"] = 1,
        ["hai"] = 2,
        ["ba"] = 3,
        ["bốn"] = 4,
        ["tư"] = 4,
        ["năm"] = 5,
        ["lăm"] = 5,
        ["sáu"] = 6,
        ["bảy"] = 7,
        ["bẩy"] = 7,
        ["tám"] = 8,
        ["chín"] = 9,
        ["mười"] = 10,
        ["mươi"] = -10,
        ["chục"] = -10,
        ["trăm"] = -100,
        ["nghìn"] = -1000,
        ["ngàn"] = -1000,
        ["rưỡi"] = -1,
    };
}
