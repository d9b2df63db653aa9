namespace Pipeline.Extraction.Figures;

/// <summary>Which half of a figure's <c>rule</c> a rule decides: the part before '+' (metric) or after it (measure).</summary>
public enum RuleKind
{
    Metric,
    Measure,
}

/// <summary>
/// One named decision of the figures layer, in the Duckling manner: its name (what a figure's <c>rule</c> field
/// says), when it applies, what it decides, and phrases it is written for with the value it must decide on.
/// A name ending in ':' or '-' is a family whose members carry the cue or unit that fired ("cue:vốn đầu tư", "unit-ha").
/// </summary>
public sealed record FigureRule(string Name, RuleKind Kind, string When, string Gives, IReadOnlyList<(string Text, decimal Value)> Examples)
{
    /// <summary>Whether a figure's rule part is this rule (or a member of this family).</summary>
    public bool Names(string part) => Name.EndsWith(':') || Name.EndsWith('-') ? part.StartsWith(Name, StringComparison.Ordinal) : part == Name;
}

/// <summary>
/// The rules of <see cref="FigureExtractor"/>, in the order they are tried: every metric rule first, then every
/// measure rule. A figure's <c>rule</c> is "METRIC-RULE+MEASURE-RULE". The examples are our own sentences and are
/// run by tests/Pipeline.Extraction.Tests/FigureLayerTests.cs, which asserts that each fires its rule.
/// </summary>
public static class FigureRules
{
    public static readonly IReadOnlyList<FigureRule> Metric =
    [
        new("breakdown", RuleKind.Metric, "a bare count right after a count, with a scope word", "the counted thing and the part's own scope",
            [("Năm 2022 có 39 dự án mới (26 FDI và 13 DDI).", 26m)]),
        new("respectively", RuleKind.Metric, "a subject list before 'lần lượt' and as many numbers after it", "each number the metric and scope of its subject, in order",
            [("Năm 2021, vốn FDI và vốn trong nước lần lượt là 300 triệu USD và 5.000 tỷ đồng.", 5_000_000_000_000m)]),
        new("counted", RuleKind.Metric, "a count with a counting word after it ('lượt tàu', 'tờ khai', 'TEU')", "other, or output for throughput",
            [("Chi cục Hải quan cửa khẩu đã tiếp nhận và xử lý 52.310 tờ khai hàng hóa.", 52_310m)]),
        new("licence-count", RuleKind.Metric, "a bare count followed by 'giấy chứng nhận (đăng ký) đầu tư'", "projects: each licence is a project",
            [("Năm 2023, Ban đã cấp 64 giấy chứng nhận đăng ký đầu tư cho các dự án mới.", 64m)]),
        new("count-cue", RuleKind.Metric, "a bare count within 20 characters after a count cue", "the cue's metric and its unit",
            [("Năm 2022 số lao động tuyển mới là 1.250.", 1_250m)]),
        new("unit-", RuleKind.Metric, "a unit that names the metric (project, worker, enterprise, procedure, ha, m2, m3, tonne, item)", "that unit's metric",
            [("Năm 2021 diện tích đất công nghiệp đã cho thuê là 1.465,3 ha.", 1_465.3m)]),
        new("unit-m2-output", RuleKind.Metric, "m2 in a sentence about 'sản lượng'", "output, not land",
            [("Sản lượng một số sản phẩm chính: thức ăn chăn nuôi 320.000 tấn; gạch ốp lát 1.800.000 m2.", 1_800_000m)]),
        new("rate", RuleKind.Metric, "a unit per unit (USD/m2, m3/ngày)", "output for a capacity of output units, else other",
            [("Nhà máy gạch tuynel trong KCN có công suất 85 triệu viên/năm.", 85_000_000m)]),
        new("public-investment", RuleKind.Metric, "a percentage with 'đầu tư công' after it", "other: public works, not capital attracted",
            [("Đến hết quý III, Ban đã giải ngân 76% kế hoạch vốn đầu tư công được giao.", 76m)]),
        new("cue-after:", RuleKind.Metric, "a percentage, or a money amount with no cue of its own, with a metric named right after it", "that metric ('chiếm 45% tổng vốn', '8.200 tỷ đồng đăng ký đầu tư')",
            [("Năm 2023 vốn FDI chiếm 45% tổng vốn đăng ký.", 45m), ("Quý I/2024: 8.200 tỷ đồng đăng ký đầu tư vào Khu kinh tế Nghi Sơn", 8_200_000_000_000m)]),
        new("filled-land", RuleKind.Metric, "a share of land after 'lấp đầy'", "the occupancy rate",
            [("KCN Tân Kim đã lấp đầy 88% diện tích đất công nghiệp.", 88m)]),
        new("cue:", RuleKind.Metric, "the nearest metric cue in the figure's own segment; an owner ('của khối FDI') or a source ('từ hoạt động') only when there is no other", "the cue's metric",
            [("Nộp ngân sách của khối FDI đạt 520 tỷ đồng, tăng 14%.", 520_000_000_000m)]),
        new("same-subject", RuleKind.Metric, "no cue of its own and an earlier figure of the sentence of a compatible unit", "that figure's metric and scope",
            [("Nộp ngân sách của khối FDI đạt 520 tỷ đồng, tăng 14%.", 14m)]),
        new("cue-before:", RuleKind.Metric, "a metric cue earlier in the sentence, before the figure's segment", "the cue's metric, less sure",
            [("Về xuất khẩu, năm 2022 các doanh nghiệp trong KCN đạt 1,2 tỷ USD.", 1_200_000_000m)]),
        new("no-cue", RuleKind.Metric, "nothing says what the number measures", "other, with a low confidence",
            [("Năm 2023 con số này là 45% theo báo cáo.", 45m)]),
        new("wastewater", RuleKind.Metric, "an output capacity in m3 in a clause about 'nước thải'", "other: infrastructure",
            [("Trạm xử lý nước thải tập trung của KCN đã vận hành với công suất 4.500 m3/ngày đêm.", 4_500m)]),
    ];

    public static readonly IReadOnlyList<FigureRule> Measure =
    [
        new("per-metric-plan", RuleKind.Measure, "'A% về X và B% về Y so với kế hoạch'", "percent of plan, each of its own metric",
            [("Năm 2023, các KCN đạt 105% về số dự án và 92,4% về vốn đầu tư so với kế hoạch năm.", 92.4m)]),
        new("per-metric-same-period", RuleKind.Measure, "'A% về X và B% về Y so với cùng kỳ'", "percent of the same period, each of its own metric",
            [("Năm 2023, các KCN đạt 110% về số dự án và 95% về vốn đầu tư so với cùng kỳ.", 95m)]),
        new("equivalent-change", RuleKind.Measure, "'tương đương N' after 'tăng/giảm ... so với'", "the change, signed",
            [("Năm 2023 cấp mới 45 dự án, tăng so với năm 2022 tương đương 17 dự án.", 17m)]),
        new("percentage-points", RuleKind.Measure, "'N điểm phần trăm'", "change in points, signed",
            [("Năm 2023 tỷ lệ lấp đầy các KCN đạt 72,5%, tăng 2,3 điểm phần trăm so với năm trước.", 2.3m)]),
        new("exceeded-plan", RuleKind.Measure, "'vượt X% kế hoạch'", "percent of plan, 100 + X",
            [("Năm 2022 thu ngân sách đạt 2.100 tỷ đồng, vượt 12% kế hoạch.", 112m)]),
        new("decrease-percent", RuleKind.Measure, "a percentage after 'giảm'", "change in percent, negative",
            [("Năm 2024, các KCN giảm 6,2% về số doanh nghiệp so với năm 2023.", -6.2m)]),
        new("increase-percent", RuleKind.Measure, "a percentage after 'tăng', or 'vượt X% so với cùng kỳ'", "change in percent",
            [("Giá trị sản xuất công nghiệp năm 2020 ước đạt 110.690 tỷ đồng, tăng 19% so với năm 2019.", 19m)]),
        new("percent-of-plan", RuleKind.Measure, "a percentage before 'kế hoạch', 'chỉ tiêu', 'dự toán'", "percent of plan",
            [("Tổng vốn đầu tư cấp mới và tăng thêm năm 2020 đạt 689,7 triệu USD, đạt 144% kế hoạch đề ra.", 144m)]),
        new("percent-of-same-period", RuleKind.Measure, "a percentage before 'so với cùng kỳ', 'năm trước'", "percent of the same period",
            [("Trong quý I/2024, doanh thu đạt 2.100 tỷ đồng, bằng 96% cùng kỳ năm trước.", 96m)]),
        new("rate-level", RuleKind.Measure, "an occupancy rate", "a level",
            [("Năm 2023 tỷ lệ lấp đầy các KCN đạt 72,5%.", 72.5m)]),
        new("share", RuleKind.Measure, "a percentage after 'chiếm'", "a share",
            [("Năm 2023, kim ngạch xuất khẩu đạt 2,4 tỷ USD, chiếm 47,3% tổng kim ngạch xuất khẩu của tỉnh.", 47.3m)]),
        new("percent-default", RuleKind.Measure, "any other percentage", "a share",
            [("Năm 2023 con số này là 45% theo báo cáo.", 45m)]),
        new("times", RuleKind.Measure, "'gấp N lần'", "a ratio",
            [("Năm 2023 thu hút vốn đầu tư gấp 1,5 lần cùng kỳ.", 1.5m)]),
        new("decrease", RuleKind.Measure, "an amount after 'giảm'", "a change, negative",
            [("Tổng số lao động tính đến tháng 6/2023 là 490.438 lao động, giảm 38.333 lao động so với cùng kỳ.", -38_333m)]),
        new("increase", RuleKind.Measure, "an amount after 'tăng', unless it is added capital ('vốn tăng thêm') with no comparison", "a change",
            [("So với năm 2022, số dự án cấp mới tăng 5 dự án.", 5m)]),
        new("level", RuleKind.Measure, "any other amount (added capital included: 'vốn tăng thêm 38 triệu USD')", "the amount itself",
            [("Trong kỳ, vốn DDI tăng thêm 1.250 tỷ đồng.", 1_250_000_000_000m)]),
        new("prior-period-level", RuleKind.Measure, "a level after 'cùng kỳ (năm trước) là'", "a level of the same period a year earlier",
            [("Trong 6 tháng đầu năm 2023, kim ngạch xuất khẩu đạt 3.161,68 triệu USD, bằng 128,78% so với cùng kỳ (cùng kỳ là 2.455 triệu USD).", 2_455_000_000m)]),
    ];

    /// <summary>Every rule, metric rules first, each in the order it is tried.</summary>
    public static IEnumerable<FigureRule> All => Metric.Concat(Measure);

    /// <summary>The rule a figure's rule part names, or null.</summary>
    public static FigureRule? Find(RuleKind kind, string part) =>
        (kind == RuleKind.Metric ? Metric : Measure).OrderBy(r => r.Name.EndsWith(':') || r.Name.EndsWith('-')).FirstOrDefault(r => r.Names(part));
}
