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
    /// <summary>The unit of a lone cent ("mười xen"): counted, never money of the contract.</summary>
    public const string Cent = "cent";

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
        new("us$", Units.Usd), new("đô mỹ", Units.Usd), new("đô", Units.Usd), new("$", Units.Usd),
        new("euros", "EUR"), new("euro", "EUR"), new("eur", "EUR"), new("€", "EUR"), new("yên nhật", "JPY"), new("yên", "JPY"), new("nhân dân tệ", "CNY"), new("won", "KRW"),
        new("bảng anh", "GBP"), new("pounds", "GBP"), new("pound", "GBP"), new("gbp", "GBP"), new("£", "GBP"),
        new("rupees", "INR"), new("rupee", "INR"), new("inr", "INR"), new("rs", "INR"), new("dirham", "AED"), new("aed", "AED"),
        // A cent alone ("mười xen") is its own unit; after dollars ("2 đô 23 xu") it is their fraction.
        new("xen", Cent), new("xu", Cent), new("cents", Cent), new("cent", Cent),
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
        ["kém hơn"] = Approx.Under,
        ["không tới"] = Approx.Under,
        ["tầm"] = Approx.About,
        ["tầm khoảng"] = Approx.About,
        ["ít nhất"] = Approx.Over,
        ["nhiều hơn"] = Approx.Over,
        ["cao hơn"] = Approx.Over,
        ["quá"] = Approx.Over,
        ["vượt quá"] = Approx.Over,
    };

    /// <summary>Words that turn the bound right after them around: "không ít hơn" is over, "không hơn" under.</summary>
    public static readonly IReadOnlySet<string> Negations = new HashSet<string> { "không", "chưa" };

    /// <summary>Words after a number that bound it: "tăng 12% trở lên", "từ 7000 đồng trở xuống".</summary>
    public static readonly IReadOnlyDictionary<string, Approx> TrailingBounds = new Dictionary<string, Approx>
    {
        ["trở lên"] = Approx.Over,
        ["trở xuống"] = Approx.Under,
    };

    /// <summary>Words that open a range, each with the words that join its two ends:
    /// "từ 1000 đến 2000 đồng", "từ 1000 VNĐ tới 2000 VNĐ", "giữa 1,1 và 1,3 đô la".</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RangeOpeners = new Dictionary<string, string[]>
    {
        ["từ"] = ["đến", "tới"],
        ["giữa"] = ["và"],
    };

    /// <summary>Words that join a range with no opener, after "khoảng": "tầm khoảng 1000 tới 2000 đồng".</summary>
    public static readonly IReadOnlySet<string> RangeJoiners = new HashSet<string> { "đến", "tới" };

    /// <summary>Words that make the number after them negative: "âm 1.200.000", "tăng trưởng âm 2,1%".</summary>
    public static readonly IReadOnlySet<string> NegativeWords = new HashSet<string> { "âm" };

    /// <summary>Words read as a decimal mark between two numbers: "2 chấm 23 đô la", "hai phẩy 23 đô".</summary>
    public static readonly IReadOnlySet<string> DecimalWords = new HashSet<string> { "phẩy", "chấm" };

    /// <summary>Currencies whose hundredth may follow them: "2 đô 23 xu", "20 Rupees 43", "1 đô la và 42 xen".</summary>
    public static readonly IReadOnlySet<string> CentCurrencies = new HashSet<string> { Units.Usd, "EUR", "GBP", "INR", "AED" };

    /// <summary>The word that joins whole units and cents: "2 đô la và 23 xen".</summary>
    public const string CentJoiner = "và";

    /// <summary>Currency written before the digits, glued or after one space: "$10", "VN$1000", "USD1,23", "EUR 20", "Rs. 20", "£9".</summary>
    public static readonly IReadOnlyList<UnitWord> CurrencyBefore =
    [
        new("us$", Units.Usd), new("vn$", Units.Vnd), new("$", Units.Usd), new("usd", Units.Usd), new("vnd", Units.Vnd), new("vnđ", Units.Vnd),
        new("eur", "EUR"), new("€", "EUR"), new("gbp", "GBP"), new("£", "GBP"), new("rs.", "INR"), new("rs", "INR"), new("inr", "INR"),
    ];

    /// <summary>Letters glued to the digits that scale them, case as written: "100K", "10k đồng", "3M", "1,2M", ",0012G".</summary>
    public static readonly IReadOnlyDictionary<char, decimal> GluedScales = new Dictionary<char, decimal>
    {
        ['K'] = 1_000m,
        ['k'] = 1_000m,
        ['M'] = 1_000_000m,
        ['G'] = 1_000_000_000m,
    };

    /// <summary>Phrases that start with a unit word but name something else: "hai đồng chí" are two comrades, not
    /// two đồng; "ba đô thị" three towns; "hai xu hướng" two trends. Not "đồng đăng": "tỷ đồng đăng ký" is money.</summary>
    public static readonly IReadOnlySet<string> NotUnits = new HashSet<string>
    {
        "đồng chí", "đồng thời", "đồng ý", "đồng bào", "đồng hành", "đồng bộ", "đồng loạt", "đồng nghiệp", "đồng bằng", "đồng nai",
        "đồng tháp", "đồng xoài", "đồng hới", "đồng đều", "đồng thuận", "đồng hồ", "đồng phục", "đồng tâm", "đồng văn",
        "đô thị", "đôi khi", "đôi bên", "xu hướng", "xu thế", "xen kẽ", "xen lẫn", "lần lượt",
    };

    /// <summary>Words before "năm" that make it the year, not five: "trong năm dự án được cấp phép", "cả năm 6.750 tỷ đồng".</summary>
    public static readonly IReadOnlySet<string> YearLeads = new HashSet<string> { "trong", "cả", "mỗi", "hằng", "hàng" };

    /// <summary>"gấp đôi", "gấp ba", "gấp rưỡi": a ratio written as a word after "gấp".</summary>
    public static readonly IReadOnlyDictionary<string, decimal> SpelledRatios = new Dictionary<string, decimal>
    {
        ["đôi"] = 2m,
        ["ba"] = 3m,
        ["rưỡi"] = 1.5m,
    };

    /// <summary>The word a spelled ratio follows: "gấp đôi cùng kỳ".</summary>
    public const string RatioWord = "gấp";

    /// <summary>Words before a number that put it in a money clause, so a bare "520 tỷ" is VND: "doanh thu đạt 520 tỷ".</summary>
    public static readonly IReadOnlyList<string> MoneyCues =
    [
        "vốn", "doanh thu", "ngân sách", "giá trị", "nộp", "thu", "kim ngạch", "lợi nhuận", "chi phí", "tổng mức", "giải ngân",
        "tiền", "xuất khẩu", "nhập khẩu", "đầu tư", "thuế", "chi", "trị giá",
    ];

    /// <summary>Words before a number that keep it a figure though a naming word ends them: "tổng số 120 dự án", "với số 5 dự án".</summary>
    public static readonly IReadOnlyList<string> NotNaming = ["tổng số", "với số"];

    /// <summary>Words before a qualifier chain that the figure's text keeps, since they make it an estimate: "ước đạt khoảng 300 tỷ", "dự kiến 5 dự án".</summary>
    public static readonly IReadOnlyList<string> EstimateLeads = ["ước", "dự kiến"];

    /// <summary>A rule's condition on the projects it applies to: "... tối thiểu 20% tổng vốn đối với dự án sử dụng dưới 20 ha đất".</summary>
    public static readonly IReadOnlyList<string> RuleConditions = ["đối với dự án", "đối với các dự án", "đối với trường hợp"];

    /// <summary>Calendar words with the largest number each can name: "năm 2024", "tháng 6", "quý 3"; "cả năm 6.750 tỷ đồng" is no date.</summary>
    public static readonly IReadOnlyDictionary<string, int> CalendarSlots = new Dictionary<string, int>
    {
        ["năm"] = 2100,
        ["tháng"] = 12,
        ["ngày"] = 31,
        ["quý"] = 4,
        ["tuần"] = 53,
    };

    /// <summary>Words after the digits that name a rate of a product: "15.000 tấn sợi/năm".</summary>
    public static readonly IReadOnlyList<string> RatePeriods = ["năm", "tháng", "ngày"];

    /// <summary>Words that may stand in a qualifier chain without bounding the number ("ước đạt khoảng hơn").</summary>
    public static readonly IReadOnlySet<string> ChainWords = new HashSet<string>
    {
        "ước", "ước đạt", "ước tính", "ước thực hiện", "dự kiến", "đạt", "là", "lên", "lên tới", "lên đến", "tới", "đến", "với", "được", "có",
    };

    /// <summary>Words before a number that make it a requirement quoted from a rule, not a result, with the bound each
    /// states: "vốn chủ sở hữu tối thiểu 20% tổng vốn đầu tư", "không quá 7.000 đồng".</summary>
    public static readonly IReadOnlyDictionary<string, Approx> RequirementWords = new Dictionary<string, Approx>
    {
        ["tối thiểu"] = Approx.Over,
        ["tối đa"] = Approx.Under,
        ["không thấp hơn"] = Approx.Over,
        ["không quá"] = Approx.Under,
        ["không vượt quá"] = Approx.Under,
        ["không dưới"] = Approx.Over,
        ["ít nhất là"] = Approx.Over,
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

    /// <summary>
    /// Vietnamese digit words. The starred forms stand only after a tens word: "hai mươi mốt" (21),
    /// "ba mươi tư" (34), "mười lăm" / "hai mươi nhăm" (15, 25); alone, "tư" is "đầu tư", "tư nhân".
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> DigitWords = new Dictionary<string, int>
    {
        ["không"] = 0,
        ["một"] = 1,
        ["hai"] = 2,
        ["ba"] = 3,
        ["bốn"] = 4,
        ["năm"] = 5,
        ["sáu"] = 6,
        ["bảy"] = 7,
        ["bẩy"] = 7,
        ["tám"] = 8,
        ["chín"] = 9,
    };

    /// <summary>Digit forms used only after a tens word: "hai mươi mốt", "ba mươi tư", "mười lăm", "hai mươi nhăm".</summary>
    public static readonly IReadOnlyDictionary<string, int> DigitsAfterTens = new Dictionary<string, int>
    {
        ["mốt"] = 1,
        ["tư"] = 4,
        ["lăm"] = 5,
        ["nhăm"] = 5,
    };

    /// <summary>"mười" is ten by itself ("mười bốn"); after a digit it, "mươi" and "chục" multiply by ten ("hai mươi", "hai chục").</summary>
    public const string Ten = "mười";

    /// <summary>Words that make the digit before them tens: "hai mươi", "hai chục", and "ba mười" as some write it.</summary>
    public static readonly IReadOnlySet<string> TensWords = new HashSet<string> { "mươi", "chục", "mười" };

    /// <summary>"một" alone before a thing counted is the article "a", not one: "một dự án của Nhật Bản".</summary>
    public const string One = "một";

    /// <summary>"năm" is five, but the year after a tens word ("hai mươi năm": twenty years; 25 is "hai mươi lăm")
    /// and after the words of <see cref="YearLeads"/>.</summary>
    public const string Five = "năm";

    /// <summary>The percent unit in words, which "trăm" before it must not scale: "chiếm 40 phần trăm".</summary>
    public const string PercentPhrase = "phần trăm";

    /// <summary>Words that join a list of numbered names: "KCN Sơn Mỹ 1, 2", "Trà Nóc 1 và 2".</summary>
    public static readonly IReadOnlySet<string> NameListJoiners = new HashSet<string> { ",", "và", "-" };

    /// <summary>The hundreds word: "hai trăm", "không trăm mười một"; alone, "trăm" is a hundred.</summary>
    public const string Hundred = "trăm";

    /// <summary>Words that join hundreds to a lone unit digit: "một trăm linh năm", "hai trăm lẻ một".</summary>
    public static readonly IReadOnlySet<string> ZeroTens = new HashSet<string> { "linh", "lẻ" };

    /// <summary>Half of the place before it: "ba trăm rưỡi" (350), "hai nghìn rưỡi" (2500).</summary>
    public const string Half = "rưỡi";

    /// <summary>Scale words a spelled number may carry, which stack: "hai trăm nghìn", "một nghìn tỷ".</summary>
    public static readonly IReadOnlyDictionary<string, decimal> WordScales = new Dictionary<string, decimal>
    {
        ["nghìn"] = 1_000m,
        ["ngàn"] = 1_000m,
        ["vạn"] = 10_000m,
        ["triệu"] = 1_000_000m,
        ["tỷ"] = 1_000_000_000m,
        ["tỉ"] = 1_000_000_000m,
    };
}
