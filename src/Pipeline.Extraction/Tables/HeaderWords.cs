using Pipeline.Core;
using Pipeline.Extraction.Figures;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Tables;

/// <summary>
/// The words of table headers and row labels, as data: what a header measures beyond the figure
/// cues of sentences (<see cref="Cues.Metrics"/>), which headers make a column a change, which
/// row labels are totals, kinds of flow or periods rather than subjects. Examples of each are in
/// tests/Pipeline.Extraction.Tests/Examples/table-headers.txt.
/// </summary>
public static class HeaderWords
{
    /// <summary>Header phrases that sentences do not use as cues ("Nộp NS"), read like the figure cues.</summary>
    public static readonly IReadOnlyList<MetricCue> Metrics =
    [
        new("nộp ns", Metric.BudgetContribution, UnitClass.Money | UnitClass.Percent), new("ns", Metric.BudgetContribution, UnitClass.Money | UnitClass.Percent),
        new("đã cho thuê", Metric.LandArea, UnitClass.Area | UnitClass.Percent), new("diện tích quy hoạch", Metric.LandArea, UnitClass.Area),
        new("số lao động", Metric.Labour, UnitClass.Count), new("lao động", Metric.Labour, UnitClass.Count | UnitClass.Percent),
        new("số doanh nghiệp", Metric.Enterprises, UnitClass.Count), new("doanh nghiệp", Metric.Enterprises, UnitClass.Count),
        new("số dự án", Metric.Projects, UnitClass.Count | UnitClass.Percent), new("dự án", Metric.Projects, UnitClass.Count | UnitClass.Percent),
        new("kim ngạch xk", Metric.ExportValue, UnitClass.Money | UnitClass.Percent), new("kim ngạch nk", Metric.ImportValue, UnitClass.Money | UnitClass.Percent),
        new("xk", Metric.ExportValue, UnitClass.Money | UnitClass.Percent), new("nk", Metric.ImportValue, UnitClass.Money | UnitClass.Percent),
    ];

    /// <summary>The unit a count metric is counted in when the header names none ("Số dự án", "Lao động").</summary>
    public static readonly IReadOnlyDictionary<Metric, string> CountUnits = new Dictionary<Metric, string>
    {
        [Metric.Projects] = Units.Project,
        [Metric.Labour] = Units.Worker,
        [Metric.Enterprises] = Units.Enterprise,
        [Metric.AdminProcedures] = Units.Procedure,
    };

    /// <summary>Column headers that make a column a comparison, not an amount; the first that fits wins.</summary>
    public static readonly IReadOnlyList<(string Phrase, Measure Measure)> Measures =
    [
        ("so sánh", Measure.PctOfSamePeriod), ("so cùng kỳ", Measure.PctOfSamePeriod), ("% so với cùng kỳ", Measure.PctOfSamePeriod),
        ("so với cùng kỳ", Measure.PctOfSamePeriod), ("so với năm trước", Measure.PctOfSamePeriod),
        ("so với kế hoạch", Measure.PctOfPlan), ("% kế hoạch", Measure.PctOfPlan), ("so kế hoạch", Measure.PctOfPlan), ("% kh", Measure.PctOfPlan),
        ("tăng/giảm", Measure.Change), ("tăng, giảm", Measure.Change), ("tăng giảm", Measure.Change), ("tăng (+), giảm (-)", Measure.Change),
        ("tăng trưởng", Measure.ChangePct), ("tốc độ tăng", Measure.ChangePct),
        ("tỷ trọng", Measure.SharePct), ("cơ cấu", Measure.SharePct),
    ];

    /// <summary>Words before a number in a cell that make it a change, with its sign: "tăng 8,4%", "giảm 2 dự án".</summary>
    public static readonly IReadOnlyList<(string Phrase, int Sign)> ChangeWords =
    [
        ("tăng", 1), ("tăng thêm", 1), ("giảm", -1), ("giảm đi", -1),
    ];

    private static readonly Dictionary<string, int> ChangeKeys = ChangeWords.ToDictionary(w => MatchKey.Fold(w.Phrase), w => w.Sign);

    /// <summary>The sign a cell's folded words before its number give, or null when they are no change word.</summary>
    public static int? ChangeWord(string key) => ChangeKeys.TryGetValue(key, out var sign) ? sign : null;

    /// <summary>Row labels that open a total row ("Tổng cộng", "Cộng 6 tháng"): the report's own figure, no subject.</summary>
    public static readonly WordSet Totals = new("totals", "a row label that opens a total row: the report's own figure, no subject",
        ["tổng cộng", "tổng số", "tổng", "cộng", "toàn tỉnh", "toàn khu", "tất cả", "chung"], "Tổng cộng | 45 | 1.250,6");

    /// <summary>Row labels that name a kind of flow or a measure, never a zone or a company.</summary>
    public static readonly WordSet Kinds = new("kinds", "a row label that names a kind of flow or a measure, never a zone or a company",
        ["cấp mới", "điều chỉnh", "tăng vốn", "góp vốn", "mua cổ phần", "thu hồi", "chấm dứt", "giải thể", "trong đó", "lũy kế", "ước", "kế hoạch", "thực hiện", "dự án fdi", "dự án ddi", "dự án trong nước", "fdi", "ddi"], "Cấp mới | 12 | 350,2");

    /// <summary>Row labels that name the row's own thing: a zone, a company, a project. These are subjects whatever else they say.</summary>
    public static readonly WordSet Named = new("named", "a row label that names the row's own zone, company or project: a subject whatever else it says",
        ["kcn", "kkt", "kcx", "ccn", "khu công nghiệp", "khu kinh tế", "khu chế xuất", "cụm công nghiệp", "công ty", "cty", "tập đoàn", "nhà máy", "dự án", "chi nhánh", "doanh nghiệp tư nhân", "hợp tác xã"], "KCN Quế Võ | 5 | 120,5");

    /// <summary>Headers of columns that hold no figures: row numbers, units, labels of rows.</summary>
    public static readonly WordSet RowNumbers = new("row-numbers", "a column header of row numbers, which hold no figures",
        ["stt", "tt", "số tt", "số thứ tự"], "STT | Khu công nghiệp | Số dự án");

    public static readonly WordSet UnitColumns = new("unit-columns", "a column header of each row's unit, which holds no figures",
        ["đơn vị tính", "đvt", "đơn vị"], "Chỉ tiêu | ĐVT | Năm 2023");

    /// <summary>Headers of label columns whose rows are measures, not subjects ("Chỉ tiêu", "Nội dung").</summary>
    public static readonly WordSet MeasureLabels = new("measure-labels", "a label column header whose rows are measures, not subjects",
        ["chỉ tiêu", "nội dung", "danh mục", "hạng mục", "tháng", "quý", "năm", "kỳ", "thời gian"], "Chỉ tiêu | Năm 2022 | Năm 2023");

    /// <summary>Headers of label columns whose rows break a total down (by sector, by country): parts, but no zone, company or project.</summary>
    public static readonly WordSet Breakdowns = new("breakdowns", "a label column header whose rows break a total down: parts, but no zone, company or project",
        ["ngành", "lĩnh vực", "nhóm ngành", "quốc gia", "đối tác", "nước", "loại hình", "hình thức", "khu vực"], "Ngành | Số dự án | Vốn (triệu USD)");

    /// <summary>Headers of static quantities (a zone's planned area): they have no period.</summary>
    public static readonly WordSet Static = new("static", "a header of a static quantity (a zone's planned area): no period",
        ["quy hoạch", "theo quy hoạch", "thành lập"], "Diện tích quy hoạch (ha)");

    /// <summary>Header words that make a column a goal or an estimate.</summary>
    public static readonly WordSet Targets = new("targets", "header words that make a column a goal",
        ["kế hoạch", "kh", "chỉ tiêu", "mục tiêu", "dự toán"], "Kế hoạch năm 2024");

    public static readonly WordSet Estimates = new("estimates", "header words that make a column an estimate",
        ["ước", "ước thực hiện", "ước tính", "dự kiến"], "Ước thực hiện năm 2024");

    /// <summary>A unit line above a table ("ĐVT: tỷ đồng", "Đơn vị tính: triệu USD"): the words before its unit.</summary>
    public static readonly WordSet UnitLines = new("unit-lines", "the words before the unit of a unit line above a table",
        ["đvt:", "đvt :", "đơn vị tính:", "đơn vị tính :", "đơn vị:"], "ĐVT: tỷ đồng");

    private static readonly (string Key, Measure Measure)[] MeasureKeys = [.. Measures.Select(m => (MatchKey.Fold(m.Phrase), m.Measure))];

    private static readonly PhraseMatcher<MetricCue> MetricPhrases = new(Metrics.Concat(Cues.Metrics).Select(c => (c.Phrase, c)));

    /// <summary>Metric phrases in a folded header, in text order (longest wins where two overlap).</summary>
    public static List<(CueHit Hit, MetricCue Cue)> MetricHits(string key) => MetricPhrases.FindAll(key);

    /// <summary>The measure a comparison header names, or null for an amount.</summary>
    public static Measure? MeasureOf(string key, bool percent)
    {
        foreach (var (phrase, measure) in MeasureKeys)
        {
            if (WordSet.ContainsWord(key, phrase))
            {
                return measure == Measure.Change && percent ? Measure.ChangePct : measure;
            }
        }

        return null;
    }

    /// <summary>
    /// Splits a line of column names written side by side ("Doanh thu Xuất khẩu Nộp NS Lao động") where each
    /// metric phrase starts; null unless that gives exactly <paramref name="count"/> names.
    /// </summary>
    public static IReadOnlyList<string>? SplitNames(string line, int count)
    {
        var hits = MetricHits(MatchKey.Fold(line));
        if (hits.Count != count)
        {
            return null;
        }

        var names = new List<string>();
        for (var k = 0; k < count; k++)
        {
            var start = k == 0 ? 0 : hits[k].Hit.Start;
            var end = k + 1 < count ? hits[k + 1].Hit.Start : line.Length;
            names.Add(line[start..end].Trim());
        }

        return names;
    }
}
