using Pipeline.Core;
using Pipeline.Extraction.Numbers;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>
/// The rules of <see cref="FigureExtractor"/>, each a row: name, condition and result as code, the same as text,
/// and example phrases. For each quantity the extractor reads its <see cref="FigureSituation"/> once, takes the
/// first row of <see cref="Metric"/> that applies (the table's order is the order tried), lets each of
/// <see cref="MetricRevisions"/> revise it, then does the same with <see cref="Measure"/> and
/// <see cref="MeasureRevisions"/>. A figure's <c>rule</c> is "METRIC-ROW+MEASURE-ROW", a revision's name replacing
/// its row's. The examples are our own sentences, run by tests/Pipeline.Extraction.Tests/FigureLayerTests.cs,
/// which asserts that each fires its row.
/// </summary>
public static class FigureRules
{
    private static readonly string[] ShareKeys = Cues.Share.Select(MatchKey.Fold).OrderByDescending(w => w.Length).ToArray();

    private static readonly MetricRule[] MetricRows =
    [
        // ---- numbers that are no figure ----
        new("ratio-unnamed", RuleKind.NotAFigure, "'N lần' with no 'gấp' before it", "no figure: a number of times something was done, not a ratio", 0,
            static s => s.Unit == Units.Times && !s.Before.EndsWith(Words.Ratio.Keys[0], StringComparison.Ordinal) && !s.Segment.Contains(Words.Ratio.Keys[0], StringComparison.Ordinal)
                ? MetricDecision.NotAFigure : null,
            [("Năm 2023, Ban đã tổ chức 3 lần đối thoại với doanh nghiệp.", 3m)]),
        new("outside-units", RuleKind.NotAFigure, "a unit outside the contract's (km, TEU, MW) and no rate", "no figure", 0,
            static s => s.Unit != Units.Times && s.Class == UnitClass.None && !s.Unit.Contains('/') ? MetricDecision.NotAFigure : null,
            [("Năm 2023, các KCN đã xây dựng thêm 12 km đường nội bộ.", 12m)]),
        new("remainder", RuleKind.NotAFigure, "a count followed by 'còn lại' (after an owner word or two)", "no figure: the rest of a count already given", 0,
            static s => s.Class == UnitClass.Count && s.Remainder ? MetricDecision.NotAFigure : null,
            [("Năm 2023 có 5 dự án FDI được cấp mới, trong đó 3 dự án đã khởi công; 2 dự án FDI còn lại đang hoàn thiện thủ tục.", 2m)]),

        // ---- bare counts: a figure only when something says what they count ----
        new("breakdown", RuleKind.Metric, "a bare count right after a count, with a scope word", "the counted thing and the part's own scope", MetricTiers.Cue,
            static s => s.Unit == Units.Count && s.ScopeAfter is { } scope && s.Previous is { } p && FigureExtractor.Classify(p.Unit) == UnitClass.Count
                ? new MetricDecision(p.Metric, p.Unit, s.Quantity.Value, s.Class, scope, OwnScope: true) : null,
            [("Năm 2022 có 39 dự án mới (26 FDI và 13 DDI).", 26m)]),
        new("respectively", RuleKind.Metric, "a subject list before 'lần lượt' and as many numbers after it", "each number the metric and scope of its subject, in order; a bare number the unit and scale of the next",
            MetricTiers.Cue, Respectively,
            [("Năm 2021, vốn FDI và vốn trong nước lần lượt là 300 triệu USD và 5.000 tỷ đồng.", 5_000_000_000_000m)]),
        new("counted", RuleKind.Metric, "a count with a counting word after it ('lượt tàu', 'tờ khai', 'TEU')", "other, or output for throughput", MetricTiers.Counted,
            static s => s.Unit == Units.Count && s.Quantity.Counted ? s.Gives(Counted(s)) : null,
            [("Chi cục Hải quan cửa khẩu đã tiếp nhận và xử lý 52.310 tờ khai hàng hóa.", 52_310m)]),
        new("licence-count", RuleKind.Metric, "a bare count followed by 'giấy chứng nhận (đăng ký) đầu tư'", "projects: each licence is a project", MetricTiers.CountCue,
            static s => s.Unit == Units.Count && FigureExtractor.StartsWithAny(s.Tail.TrimStart(), Words.LicenceCounts, out _)
                ? s.Gives(Core.Metric.Projects) with { Unit = Units.Project } : null,
            [("Năm 2023, Ban đã cấp 64 giấy chứng nhận đăng ký đầu tư cho các dự án mới.", 64m)]),
        new("count-cue", RuleKind.Metric, "a bare count within 20 characters after a count cue", "the cue's metric and its unit", MetricTiers.CountCue,
            static s => s.Unit == Units.Count && s.OwnCue is { } c && s.Quantity.Start - c.Hit.End <= 20
                ? s.Gives(c.Cue.Metric) with { Unit = FigureExtractor.UnitOfMetric(c.Cue.Metric) } : null,
            [("Năm 2022 số lao động tuyển mới là 1.250.", 1_250m)]),
        new("uncounted", RuleKind.NotAFigure, "any other bare count", "no figure: nothing says what it counts", 0,
            static s => s.Unit == Units.Count ? MetricDecision.NotAFigure : null,
            [("Năm 2023, đoàn công tác đã làm việc tại 25 điểm trong tỉnh.", 25m)]),

        // ---- units that name the metric ----
        new("unit-m2-output", RuleKind.Metric, "m2 in a sentence about 'sản lượng'", "output, not land", MetricTiers.Unit,
            static s => s.Unit == Units.SquareMetre && s.SentenceSays(Words.OutputWord.Keys[0]) ? s.Gives(Core.Metric.OutputQuantity) : null,
            [("Sản lượng một số sản phẩm chính: thức ăn chăn nuôi 320.000 tấn; gạch ốp lát 1.800.000 m2.", 1_800_000m)]),
        new("unit-", RuleKind.Metric, "a unit that names the metric (project, worker, enterprise, procedure, ha, m2, m3, tonne, item)", "that unit's metric", MetricTiers.Unit,
            static s => FigureExtractor.MetricOfUnit(s.Unit) is { } metric ? s.Gives(metric, s.Unit) : null,
            [("Năm 2021 diện tích đất công nghiệp đã cho thuê là 1.465,3 ha.", 1_465.3m)]),
        new("rate", RuleKind.Metric, "a unit per unit (USD/m2, m3/ngày)", "output for a capacity of output units, else other (a price)", MetricTiers.Rate,
            static s => s.Unit.Contains('/')
                ? s.Gives(FigureExtractor.MetricOfUnit(s.Unit[..s.Unit.IndexOf('/')]) == Core.Metric.OutputQuantity ? Core.Metric.OutputQuantity : Core.Metric.Other) : null,
            [("Nhà máy gạch tuynel trong KCN có công suất 85 triệu viên/năm.", 85_000_000m)]),

        // ---- cue words ----
        new("public-investment", RuleKind.Metric, "a percentage with 'đầu tư công' after it", "other: public works, not capital attracted", MetricTiers.Cue,
            static s => s.Class == UnitClass.Percent && s.Tail.Contains(Words.PublicInvestment.Keys[0], StringComparison.Ordinal) ? s.Gives(Core.Metric.Other) : null,
            [("Đến hết quý III, Ban đã giải ngân 76% kế hoạch vốn đầu tư công được giao.", 76m)]),
        new("filled-land", RuleKind.Metric, "a share of land named after it, in a sentence about 'lấp đầy'", "the occupancy rate", MetricTiers.Cue,
            static s => s.Class == UnitClass.Percent && s.TailCue is { Cue.Metric: Core.Metric.LandArea } && s.SentenceSays(Words.Filled.Keys[0])
                ? s.Gives(Core.Metric.OccupancyRate) : null,
            [("KCN Tân Kim đã lấp đầy 88% diện tích đất công nghiệp.", 88m)]),
        new("cue-after:", RuleKind.Metric, "a percentage, or a money amount with no cue of its own, with a metric named right after it", "that metric ('chiếm 45% tổng vốn', '8.200 tỷ đồng đăng ký đầu tư')", MetricTiers.Cue,
            static s => (s.Class == UnitClass.Percent || s.Class == UnitClass.Money && s.OwnCue is null) && s.TailCue is { } c ? s.Gives(c.Cue.Metric, c.Hit.Phrase) : null,
            [("Năm 2023 vốn FDI chiếm 45% tổng vốn đăng ký.", 45m), ("Quý I/2024: 8.200 tỷ đồng đăng ký đầu tư vào Khu kinh tế Nghi Sơn", 8_200_000_000_000m)]),
        new("cue:", RuleKind.Metric, "the nearest metric cue in the figure's own segment; an owner ('của khối FDI') or a source ('từ hoạt động') only when there is no other", "the cue's metric", MetricTiers.Cue,
            static s => s.OwnCue is { } c ? s.Gives(c.Cue.Metric, c.Hit.Phrase) : null,
            [("Nộp ngân sách của khối FDI đạt 520 tỷ đồng, tăng 14%.", 520_000_000_000m)]),
        new("same-subject", RuleKind.Metric, "no cue of its own and an earlier figure of the clause of a compatible unit", "that figure's metric and scope", MetricTiers.SameSubject,
            static s => s.Previous is { } p && Inherits(s.CueClass, FigureExtractor.Classify(p.Unit)) ? s.Gives(p.Metric, scope: p.Scope) : null,
            [("Nộp ngân sách của khối FDI đạt 520 tỷ đồng, tăng 14%.", 14m)]),
        new("cue-before:", RuleKind.Metric, "a metric cue earlier in the sentence, before the figure's segment", "the cue's metric, less sure", MetricTiers.CueBefore,
            static s => s.EarlierCue is { } c ? s.Gives(c.Cue.Metric, c.Hit.Phrase) : null,
            [("Về xuất khẩu, năm 2022 các doanh nghiệp trong KCN đạt 1,2 tỷ USD.", 1_200_000_000m)]),
        new("no-cue", RuleKind.Metric, "nothing says what the number measures", "other, with a low confidence (lower still for a share)", MetricTiers.NoCue,
            static s => s.Gives(Core.Metric.Other),
            [("Năm 2023 con số này là 45% theo báo cáo.", 45m)]) { ShareTier = MetricTiers.NoCueShare },
    ];

    private static readonly MetricRevision[] MetricRevisionRows =
    [
        new("wastewater", "output in m3 (a unit or a capacity) in a clause about 'nước thải'", "other: a treatment plant's capacity is infrastructure", MetricTiers.Cue,
            static (s, d) => d.Metric == Core.Metric.OutputQuantity && d.Unit.StartsWith(Units.CubicMetre, StringComparison.Ordinal) && s.ClauseSays(Words.Wastewater.Keys[0])
                ? d with { Metric = Core.Metric.Other, Detail = null } : null,
            [("Trạm xử lý nước thải tập trung của KCN đã vận hành với công suất 4.500 m3/ngày đêm.", 4_500m)]),
    ];

    // The rows below the per-metric ones: a per-metric row hands its percentage to them, with the list's base.
    private static readonly MeasureRule[] MeasureRows =
    [
        new("equivalent-change", "'tương đương N' after 'tăng/giảm ... so với'", "the change, signed",
            static (s, m) => m.Class != UnitClass.Percent && s.Quantity.Qualifier is { } q && Words.Equivalent.Keys.Contains(q) && s.SegmentComparesChange(out var down)
                ? new MeasureDecision(Core.Measure.Change, down ? -m.Value : m.Value, s.Quantity.Approx) : null,
            [("Năm 2023 cấp mới 45 dự án, tăng so với năm 2022 tương đương 17 dự án.", 17m)]),

        // ---- percentages ----
        new("percentage-points", "'N điểm phần trăm'", "change in points, signed",
            static (s, m) => m.Class == UnitClass.Percent && s.Quantity.Text.Contains("điểm", StringComparison.OrdinalIgnoreCase)
                ? new MeasureDecision(Core.Measure.ChangePp, s.Falling is not null ? -m.Value : m.Value, s.Quantity.Approx) : null,
            [("Năm 2023 tỷ lệ lấp đầy các KCN đạt 72,5%, tăng 2,3 điểm phần trăm so với năm trước.", 2.3m)]),
        new("exceeded-plan", "'vượt X% kế hoạch'", "percent of plan, 100 + X",
            static (s, m) => m.Class == UnitClass.Percent && s.Exceeded && s.Plan ? new MeasureDecision(Core.Measure.PctOfPlan, 100 + m.Value, Approx.Exact) : null,
            [("Năm 2022 thu ngân sách đạt 2.100 tỷ đồng, vượt 12% kế hoạch.", 112m)]),
        new("decrease-percent", "a percentage after 'giảm'", "change in percent, negative",
            static (s, m) => m.Class == UnitClass.Percent && s.Falling is not null ? new MeasureDecision(Core.Measure.ChangePct, -m.Value, s.Quantity.Approx) : null,
            [("Năm 2024, các KCN giảm 6,2% về số doanh nghiệp so với năm 2023.", -6.2m)]),
        new("increase-percent", "a percentage after 'tăng', or 'vượt X% so với cùng kỳ'", "change in percent",
            static (s, m) => m.Class == UnitClass.Percent && (s.Rising is not null || s.Exceeded && s.SamePeriod)
                ? new MeasureDecision(Core.Measure.ChangePct, m.Value, s.Exceeded ? Approx.Exact : s.Quantity.Approx) : null,
            [("Giá trị sản xuất công nghiệp năm 2020 ước đạt 110.690 tỷ đồng, tăng 19% so với năm 2019.", 19m)]),
        new("percent-of-plan", "a percentage before 'kế hoạch', 'chỉ tiêu', 'dự toán'", "percent of plan",
            static (s, m) => m.Class == UnitClass.Percent && s.Plan ? new MeasureDecision(Core.Measure.PctOfPlan, m.Value, s.Quantity.Approx) : null,
            [("Tổng vốn đầu tư cấp mới và tăng thêm năm 2020 đạt 689,7 triệu USD, đạt 144% kế hoạch đề ra.", 144m)]),
        new("percent-of-same-period", "a percentage before 'so với cùng kỳ', 'năm trước'", "percent of the same period",
            static (s, m) => m.Class == UnitClass.Percent && s.SamePeriod ? new MeasureDecision(Core.Measure.PctOfSamePeriod, m.Value, s.Quantity.Approx) : null,
            [("Trong quý I/2024, doanh thu đạt 2.100 tỷ đồng, bằng 96% cùng kỳ năm trước.", 96m)]),
        new("rate-level", "an occupancy rate", "a level",
            static (s, m) => m.Class == UnitClass.Percent && m.Metric == Core.Metric.OccupancyRate ? new MeasureDecision(Core.Measure.Level, m.Value, s.Quantity.Approx) : null,
            [("Năm 2023 tỷ lệ lấp đầy các KCN đạt 72,5%.", 72.5m)]),
        new("share", "a percentage after 'chiếm'", "a share",
            static (s, m) => m.Class == UnitClass.Percent && FigureExtractor.EndsWithAny(s.Before, ShareKeys) is not null ? new MeasureDecision(Core.Measure.SharePct, m.Value, s.Quantity.Approx) : null,
            [("Năm 2023, kim ngạch xuất khẩu đạt 2,4 tỷ USD, chiếm 47,3% tổng kim ngạch xuất khẩu của tỉnh.", 47.3m)]),
        new("percent-default", "any other percentage", "a share",
            static (s, m) => m.Class == UnitClass.Percent ? new MeasureDecision(Core.Measure.SharePct, m.Value, s.Quantity.Approx) : null,
            [("Năm 2023 con số này là 45% theo báo cáo.", 45m)]),

        // ---- amounts ----
        new("times", "'gấp N lần'", "a ratio",
            static (s, m) => s.Unit == Units.Times ? new MeasureDecision(Core.Measure.Ratio, m.Value, s.Quantity.Approx) : null,
            [("Năm 2023 thu hút vốn đầu tư gấp 1,5 lần cùng kỳ.", 1.5m)]),
        new("decrease", "an amount after 'giảm'", "a change, negative",
            static (s, m) => s.Falling is not null ? new MeasureDecision(Core.Measure.Change, -m.Value, s.Quantity.Approx) : null,
            [("Tổng số lao động tính đến tháng 6/2023 là 490.438 lao động, giảm 38.333 lao động so với cùng kỳ.", -38_333m)]),
        new("increase", "an amount after 'tăng', unless it is added capital ('vốn tăng thêm') with no comparison", "a change",
            static (s, m) => s.Rising is { } rising && (!AddedCapital(s, rising) || s.SamePeriod || s.Compared || s.Tail.Contains(Words.ComparedWith.Keys[0], StringComparison.Ordinal))
                ? new MeasureDecision(Core.Measure.Change, m.Value, s.Quantity.Approx) : null,
            [("So với năm 2022, số dự án cấp mới tăng 5 dự án.", 5m)]),
        new("level", "any other amount (added capital included: 'vốn tăng thêm 38 triệu USD')", "the amount itself",
            static (s, m) => new MeasureDecision(Core.Measure.Level, m.Value, s.Quantity.Approx),
            [("Trong kỳ, vốn DDI tăng thêm 1.250 tỷ đồng.", 1_250_000_000_000m)]),
    ];

    private static readonly MeasureRule[] AllMeasureRows =
    [
        new("per-metric-plan", "'A% về X và B% về Y so với kế hoạch'", "percent of plan, each of its own metric (the rows below, with the plan as base)",
            static (s, m) => s.ListBase == ListBase.Plan ? First(MeasureRows, s, m, out _) : null,
            [("Năm 2023, các KCN đạt 105% về số dự án và 92,4% về vốn đầu tư so với kế hoạch năm.", 92.4m)]),
        new("per-metric-same-period", "'A% về X và B% về Y so với cùng kỳ'", "percent of the same period, each of its own metric (the rows below, with the same period as base)",
            static (s, m) => s.ListBase == ListBase.SamePeriod ? First(MeasureRows, s, m, out _) : null,
            [("Năm 2023, các KCN đạt 110% về số dự án và 95% về vốn đầu tư so với cùng kỳ.", 95m)]),
        .. MeasureRows,
    ];

    private static readonly MeasureRevision[] MeasureRevisionRows =
    [
        new("prior-period-level", "a level after 'cùng kỳ (năm trước) là'", "a level of the same period a year earlier (its period shifted back a year)",
            static (s, d) => d.Measure == Core.Measure.Level && s.AfterPriorPeriodLead ? d with { PriorPeriod = true } : null,
            [("Trong 6 tháng đầu năm 2023, kim ngạch xuất khẩu đạt 3.161,68 triệu USD, bằng 128,78% so với cùng kỳ (cùng kỳ là 2.455 triệu USD).", 2_455_000_000m)]),
    ];

    /// <summary>The metric rows, in the order they are tried; the first that applies decides.</summary>
    public static readonly IReadOnlyList<MetricRule> Metric = Array.AsReadOnly(MetricRows);

    /// <summary>Revisions of the metric a row of <see cref="Metric"/> gave, applied in order.</summary>
    public static readonly IReadOnlyList<MetricRevision> MetricRevisions = Array.AsReadOnly(MetricRevisionRows);

    /// <summary>The measure rows, in the order they are tried; the first that applies decides.</summary>
    public static readonly IReadOnlyList<MeasureRule> Measure = Array.AsReadOnly(AllMeasureRows);

    /// <summary>Revisions of the measure a row of <see cref="Measure"/> gave, applied in order.</summary>
    public static readonly IReadOnlyList<MeasureRevision> MeasureRevisions = Array.AsReadOnly(MeasureRevisionRows);

    /// <summary>Every rule, in the order it is tried: metric rows, their revisions, measure rows, theirs.</summary>
    public static IEnumerable<FigureRule> All => Metric.Concat<FigureRule>(MetricRevisions).Concat(Measure).Concat(MeasureRevisions);

    /// <summary>The rule a figure's rule part names, or null.</summary>
    public static FigureRule? Find(RuleKind kind, string part) =>
        All.Where(r => r.Kind == kind).OrderBy(r => r.Name.EndsWith(':') || r.Name.EndsWith('-')).FirstOrDefault(r => r.Names(part));

    /// <summary>
    /// The tier of the metric row or revision a figure's rule part names (a share's own tier where the row has one), or
    /// null when no rule of the table names it (a figure the model decided). An exact name wins over a family.
    /// </summary>
    public static double? TierOf(ReadOnlySpan<char> metricPart, Core.Measure measure)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var row in MetricRows)
            {
                if (row.Kind == RuleKind.Metric && NamedBy(row.Name, metricPart, families: pass == 1))
                {
                    return measure == Core.Measure.SharePct && row.ShareTier is { } share ? share : row.Tier;
                }
            }

            foreach (var revision in MetricRevisionRows)
            {
                if (NamedBy(revision.Name, metricPart, families: pass == 1))
                {
                    return revision.Tier;
                }
            }
        }

        return null;

        static bool NamedBy(string name, ReadOnlySpan<char> part, bool families) => name.EndsWith(':') || name.EndsWith('-')
            ? families && part.StartsWith(name, StringComparison.Ordinal)
            : !families && part.SequenceEqual(name);
    }

    /// <summary>The first metric row that applies, and its decision: null only when no row applies (never, for the table's last row applies to every figure).</summary>
    internal static MetricDecision? DecideMetric(FigureSituation s, out MetricRule? fired) => First(MetricRows, s, out fired);

    /// <summary>The first measure row that applies, and its decision (the last row applies to every figure).</summary>
    internal static MeasureDecision? DecideMeasure(FigureSituation s, MetricDecision m, out MeasureRule? fired) => First(AllMeasureRows, s, m, out fired);

    /// <summary>The metric decision after every revision that applies; <paramref name="last"/> the last that did.</summary>
    internal static MetricDecision ReviseMetric(FigureSituation s, MetricDecision decided, out MetricRevision? last) =>
        Revise(MetricRevisionRows, r => r.Revise, s, decided, out last);

    /// <summary>The measure decision after every revision that applies; <paramref name="last"/> the last that did.</summary>
    internal static MeasureDecision ReviseMeasure(FigureSituation s, MeasureDecision decided, out MeasureRevision? last) =>
        Revise(MeasureRevisionRows, r => r.Revise, s, decided, out last);

    // Every row in order may revise what the rows before it left; the last that did is told.
    private static TDecision Revise<TRow, TDecision>(TRow[] rows, Func<TRow, Func<FigureSituation, TDecision, TDecision?>> reviseOf,
        FigureSituation s, TDecision decided, out TRow? last)
        where TRow : class
        where TDecision : struct
    {
        last = null;
        foreach (var row in rows)
        {
            if (reviseOf(row)(s, decided) is { } revised)
            {
                (decided, last) = (revised, row);
            }
        }

        return decided;
    }

    private static MetricDecision? First(MetricRule[] rows, FigureSituation s, out MetricRule? fired)
    {
        foreach (var row in rows)
        {
            if (row.Decide(s) is { } decision)
            {
                fired = row;
                return decision;
            }
        }

        fired = null;
        return null;
    }

    private static MeasureDecision? First(MeasureRule[] rows, FigureSituation s, MetricDecision m, out MeasureRule? fired)
    {
        foreach (var row in rows)
        {
            if (row.Decide(s, m) is { } decision)
            {
                fired = row;
                return decision;
            }
        }

        fired = null;
        return null;
    }

    /// <summary>"lần lượt": the metric and scope of the quantity's subject; a bare number ("500 và 300 triệu USD") takes the next one's unit and scale.</summary>
    private static MetricDecision? Respectively(FigureSituation s)
    {
        if (s.Assigned is not { } given)
        {
            return null;
        }

        if (s.Unit != Units.Count)
        {
            return Compatible(given.Metric, s.Class) ? s.Gives(given.Metric, scope: given.Scope) with { OwnScope = true } : null;
        }

        return s.Next is { } next && next.Unit != Units.Count && FigureExtractor.Classify(next.Unit) is var cls && cls != UnitClass.Percent
            ? new MetricDecision(given.Metric, next.Unit, DigitParser.Tidy(s.Quantity.Value * next.Factor), cls, given.Scope, OwnScope: true)
            : null;
    }

    /// <summary>A counted number's metric: throughput ("TEU") is output; else an output or other cue around it, else other.</summary>
    private static Core.Metric Counted(FigureSituation s)
    {
        if (s.Quantity.Text.EndsWith("TEU", StringComparison.OrdinalIgnoreCase))
        {
            return Core.Metric.OutputQuantity;
        }

        return (s.OwnCue ?? s.TailCue) is { } c && c.Cue.Metric is Core.Metric.OutputQuantity or Core.Metric.Other ? c.Cue.Metric : Core.Metric.Other;
    }

    /// <summary>"vốn (FDI) tăng thêm 38 triệu USD": the rise word follows a capital word, so the amount is capital added.</summary>
    private static bool AddedCapital(FigureSituation s, string rising)
    {
        var lead = s.Before[..^rising.Length].TrimEnd();
        if (FigureExtractor.EndsWithAny(lead, Words.CapitalOwners) is { } owner)
        {
            lead = lead[..^owner.Length].TrimEnd();
        }

        // "điều chỉnh vốn 9 lượt dự án FDI, tăng thêm 37,5 triệu USD": "tăng thêm" in a clause about adjusting capital is capital added.
        return FigureExtractor.EndsWithAny(lead, Words.CapitalBeforeIncrease) is not null
               || Array.IndexOf(Words.AddedRise.Keys, rising) >= 0 && Words.CapitalAdjustments.Keys.Any(s.ClauseSays);
    }

    /// <summary>Whether a subject list's metric fits the number's unit: a count metric for a count, an amount's for an amount.</summary>
    private static bool Compatible(Core.Metric metric, UnitClass cls) =>
        cls == UnitClass.Percent || metric == Core.Metric.Other || FigureExtractor.MetricOfUnit(FigureExtractor.UnitOfMetric(metric)) == metric == (cls == UnitClass.Count);

    /// <summary>Whether a number without a cue may take the metric of an earlier figure of another unit class.</summary>
    private static bool Inherits(UnitClass mine, UnitClass theirs) =>
        mine == UnitClass.Percent || mine == theirs || (mine == UnitClass.Money && theirs == UnitClass.Money);
}
