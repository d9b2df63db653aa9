using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>
/// A named list of words the figures layer looks for, with what it decides and a phrase it is written for.
/// <see cref="Keys"/> holds the words folded like the match key, longest first, so the longest word wins.
/// </summary>
public sealed record WordSet(string Name, string Decides, IReadOnlyList<string> Phrases, string Example)
{
    public string[] Keys { get; } = Phrases.Select(MatchKey.Fold).Distinct().OrderByDescending(w => w.Length).ToArray();

    public static implicit operator string[](WordSet set) => set.Keys;

    /// <summary>Whether a folded text starts with one of the words, as whole words.</summary>
    public bool IsStartOf(string key) => FigureExtractor.StartsWithAny(key, Keys, out _);

    /// <summary>Whether a folded text holds one of the words, as whole words.</summary>
    public bool IsWithin(string key) => Keys.Any(w => ContainsWord(key, w));

    /// <summary>Whether a folded text is exactly one of the words.</summary>
    public bool IsWhole(string key) => Array.IndexOf(Keys, key) >= 0;

    /// <summary>Whole-word search in folded text: a phrase counts only where letters and digits do not run on either side.</summary>
    public static bool ContainsWord(string key, string phrase)
    {
        var at = key.IndexOf(phrase, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(key[at - 1]);
            var after = at + phrase.Length == key.Length || !char.IsLetterOrDigit(key[at + phrase.Length]) || !char.IsLetterOrDigit(phrase[^1]);
            if (before && after)
            {
                return true;
            }

            at = key.IndexOf(phrase, at + 1, StringComparison.Ordinal);
        }

        return false;
    }
}

/// <summary>
/// The word lists of the figures layer that are not metric, scope, target or estimate cues (those are in
/// <see cref="Cues"/>): the words that decide stock or flow, snapshot or period, clause and section,
/// a figure's own subject. Data, not code: each list names what it decides and a phrase it is written for;
/// tests/Pipeline.Extraction.Tests/Examples/figures.txt holds the examples that must come out right.
/// </summary>
public static class Words
{
    // ---- clauses and subjects ----
    public static readonly WordSet TailBoundaries = new("tail-boundaries", "where a figure's own words end and the next clause begins",
        [" và ", ",", ";", " còn ", " trong khi "], "vốn FDI đạt 800 triệu USD và vốn đầu tư trong nước đạt 400 triệu USD");

    // "còn" before these is "still" ("dự án FDI còn hiệu lực"), not "whereas", so it ends no figure's own words.
    public static readonly WordSet Still = new("still", "'còn' that means 'still' ends no clause",
        ["còn hiệu lực", "còn lại", "còn hoạt động", "còn đang"], "412 dự án FDI còn hiệu lực với tổng vốn 5.732,6 triệu USD");

    public static readonly WordSet OwnClauseLeads = new("own-clause-leads", "a period said after these is for its own clause only, never carried on",
        ["riêng", "riêng trong", "trong đó"], "Năm 2021, Ban cấp mới 20 dự án; riêng trong tháng 12 cấp mới 4 dự án.");

    public static readonly WordSet SourceLeads = new("source-leads", "a metric word after these names where an amount came from, not what it is",
        ["từ", "từ hoạt động"], "Thu ngân sách từ hoạt động xuất nhập khẩu đạt 1.120 tỷ đồng.");

    public static readonly WordSet CapitalOwners = new("capital-owners", "owners a capital word may carry before its change",
        ["fdi", "ddi", "nước ngoài", "trong nước"], "vốn FDI tăng thêm 214,7 triệu USD");

    public static readonly WordSet InlandInvestors = new("inland-investors", "'nội địa' names investors only after these ('thu nội địa' is a budget line)",
        ["doanh nghiệp", "dn", "vốn", "nhà đầu tư", "dự án", "đầu tư"], "doanh nghiệp nội địa");

    public static readonly WordSet CapitalBeforeIncrease = new("capital-before-increase", "'tăng' after these is added capital (a level), not a change",
        ["vốn", "đầu tư", "điều chỉnh", "và", "cấp mới", "đăng ký"], "Trong kỳ, vốn DDI tăng thêm 1.250 tỷ đồng.");

    public static readonly WordSet CapitalAdjustments = new("capital-adjustments", "'tăng thêm' in a clause naming these is capital added (a level), not a change",
        ["điều chỉnh vốn", "điều chỉnh tăng vốn", "tăng vốn"], "điều chỉnh vốn 9 lượt dự án FDI, tăng thêm 37,5 triệu USD");

    public static readonly WordSet AddedRise = new("added-rise", "the rise words that add capital in a clause about adjusting it",
        ["tăng thêm"], "1 lượt dự án trong nước, tăng thêm 120 tỷ đồng");

    public static readonly WordSet TailLeads = new("tail-leads", "words between a percentage and the metric it divides",
        ["tổng số", "trên tổng số", "tổng", "số", "trong tổng số", "trong tổng", "về"], "chiếm 86,4% tổng số lao động; đạt 105% về số dự án");

    public static readonly WordSet Respectively = new("respectively", "a subject list mapped in order onto the numbers after it",
        ["lần lượt"], "vốn FDI và vốn trong nước lần lượt là 300 triệu USD và 5.000 tỷ đồng");

    public static readonly WordSet AllOfKind = new("all-of-kind", "a scope after these, later in the clause, is the scope of every figure before it",
        ["đều là", "đều là dự án", "đều là các dự án", "đều là doanh nghiệp", "tất cả là", "tất cả đều là", "toàn bộ là", "đều thuộc", "đều của nhà đầu tư"],
        "Ban đã cấp mới 4 dự án với tổng vốn đăng ký 612,5 tỷ đồng, đều là dự án trong nước");

    public static readonly WordSet ProjectOwnFigures = new("one-project", "a figure of one named project: no reporting period",
        ["dự án", "nhà máy", "công ty", "tập đoàn"], "Dự án Nhà máy sợi Hưng Phát có tổng vốn đầu tư 150 triệu USD");

    public static readonly WordSet Owners = new("owners", "a scope word after these names whose figure it is, not the metric: 'nộp ngân sách của khối FDI'",
        ["khối", "khu vực", "doanh nghiệp", "các doanh nghiệp", "dn", "của", "của khối", "của các doanh nghiệp", "nhà đầu tư"], "Nộp ngân sách của khối FDI đạt 520 tỷ đồng");

    public static readonly WordSet LicenceCounts = new("licence-counts", "investment licences counted are projects",
        ["giấy chứng nhận đăng ký đầu tư", "giấy chứng nhận đầu tư", "giấy phép đầu tư", "gcnđkđt", "giấy chứng nhận"], "cấp 64 giấy chứng nhận đăng ký đầu tư");

    public static readonly WordSet PerMetric = new("per-metric", "'đạt A% về X và B% về Y so với kế hoạch': each percentage its own metric, one base for all",
        ["về"], "đạt 105% về số dự án và 92,4% về vốn đầu tư so với kế hoạch năm");

    public static readonly WordSet Restatement = new("restatement", "an amount in another currency right after these restates the amount before it",
        ["tương đương", "tương đương với", "tương đương khoảng", "khoảng", "tức", "tức là", "hay"], "85 triệu USD (tương đương 1.975 tỷ đồng)");

    public static readonly WordSet Equivalent = new("equivalent", "'tương đương N' after a comparison is the change itself", ["tương đương", "tương đương với"], "tăng so với năm 2022 tương đương 17 dự án");

    // ---- stock or flow, snapshot or period ----
    public static readonly WordSet Snapshot = new("snapshot", "a figure 'as things stand now', with no period unless the text names one",
        ["hiện nay", "hiện có", "hiện tại", "hiện đang"], "Hiện nay các KCN có 230 doanh nghiệp đang hoạt động.");

    public static readonly WordSet NowLead = new("now-lead", "a sentence opening on 'Hiện' is a snapshot ('thực hiện' never opens one)",
        ["hiện "], "Hiện các KCN có 215 doanh nghiệp đang hoạt động.");

    public static readonly WordSet Cumulative = new("cumulative", "a sum up to the end of the document's period when no date is named (..END)",
        ["lũy kế", "đến nay", "tính đến nay", "từ trước đến nay", "tích lũy", "lũy kế đến nay", "từ khi thành lập đến nay"],
        "Lũy kế đến nay, các KCN có 68 dự án còn hiệu lực.");

    public static readonly WordSet LabourStock = new("labour-stock", "workers employed at a point",
        ["đang làm việc", "làm việc", "sử dụng", "tổng số lao động", "số lao động", "đang làm"], "giải quyết việc làm cho 12.500 lao động đang làm việc");

    public static readonly WordSet LabourFlow = new("labour-flow", "workers hired over a period",
        ["tạo việc làm", "giải quyết việc làm", "tuyển dụng", "tuyển mới", "thu hút", "thêm", "dự kiến", "sẽ"], "tuyển dụng mới 3.215 lao động");

    public static readonly WordSet EnterpriseStock = new("enterprise-stock", "enterprises operating at a point",
        ["đang hoạt động", "đang sản xuất", "hiện có"], "có 286 doanh nghiệp đang hoạt động");

    public static readonly WordSet LandStock = new("land-stock", "land leased up to a point",
        ["tổng diện tích đất", "đã cho thuê", "lấp đầy", "lũy kế"], "diện tích đất đã cho thuê đạt 2.286,9 ha");

    public static readonly WordSet Additions = new("additions", "what was added in the period: a flow even for a stock metric",
        ["thêm", "mới", "đi vào hoạt động", "trong năm", "trong kỳ"], "cho thuê thêm 38,4 ha trong quý");

    public static readonly WordSet ProjectStock = new("project-stock", "projects and capital still valid at a point",
        ["còn hiệu lực", "lũy kế", "tích lũy", "tổng số dự án"], "có 312 dự án còn hiệu lực");

    // ---- one-word cues ----
    public static readonly WordSet Ratio = new("ratio", "'gấp N lần' is a ratio", ["gấp"], "gấp 1,5 lần cùng kỳ");
    public static readonly WordSet Wastewater = new("wastewater", "a treatment plant's capacity is infrastructure, not output", ["nước thải"], "Trạm xử lý nước thải công suất 4.500 m3/ngày đêm");
    public static readonly WordSet Remaining = new("remaining", "'N dự án còn lại' splits a count already given", ["còn lại"], "ba dự án FDI còn lại");
    public static readonly WordSet Filled = new("filled", "the share of land filled is the occupancy rate", ["lấp đầy"], "đã lấp đầy 88% diện tích");
    public static readonly WordSet OutputWord = new("output-word", "m2 under 'Sản lượng' is output, not land", ["sản lượng"], "Sản lượng: gạch ốp lát 1.800.000 m2");
    public static readonly WordSet PublicInvestment = new("public-investment", "public works funds, not capital attracted", ["đầu tư công"], "giải ngân 76% kế hoạch vốn đầu tư công");
    public static readonly WordSet Inland = new("inland", "'nội địa'", ["nội địa"], "doanh nghiệp nội địa");
    public static readonly WordSet ComparedWith = new("compared-with", "a comparison's base follows", ["so với"], "so với năm 2022");
    public static readonly WordSet Exceeded = new("exceeded", "'vượt X% kế hoạch' is 100+X percent of plan", ["vượt"], "vượt 12% kế hoạch");

    public static readonly WordSet EventDayLeads = new("event-day-leads", "a paragraph opening on these and a date reports a day's event: its counts take that month",
        ["ngày", "sáng", "chiều", "tối", "trưa", "sáng ngày", "chiều ngày", "tối ngày", "trưa ngày"],
        "Chiều 22/8/2024, Ban Quản lý các KCN tỉnh Vĩnh Phúc tổ chức lễ trao Giấy chứng nhận đăng ký đầu tư cho ba dự án FDI");

    // ---- the document's own period (DocumentPeriod) ----
    public static readonly WordSet Review = new("review", "a year-end review: plan figures without a year are for the next year",
        ["tổng kết", "kết quả năm", "năm qua", "cả năm", "báo cáo năm"], "Tổng kết công tác năm 2018, triển khai nhiệm vụ năm 2019");

    public static readonly WordSet NotReportPeriod = new("not-report-period", "a year named after these is history, not the period reported on",
        ["thành lập", "thành lập từ", "thành lập vào", "ra đời", "ra đời từ", "khởi công", "khởi công từ", "từ", "kể từ", "từ đầu", "kể từ đầu", "hoạt động từ", "đi vào hoạt động", "đi vào hoạt động từ"],
        "KCN Phúc Khánh được thành lập năm 2002");

    public static readonly WordSet NoticeTitles = new("notice-titles", "a page titled so reports on no period: a notice, an invitation, a procedure",
        ["thông báo", "giấy mời", "thư mời", "hướng dẫn", "thủ tục", "tuyển dụng", "lịch tiếp", "lịch làm việc"],
        "Thông báo tổ chức Hội nghị đối thoại với doanh nghiệp năm 2024");
}

/// <summary>The words of <see cref="ContextFrames"/>: what opens a section, what returns to the total, whose scope a subject is.</summary>
public static class ScopeWords
{
    /// <summary>A heading line opening on these titles a section ("Về thu hút đầu tư nước ngoài:", "Khu vực FDI").</summary>
    public static readonly WordSet HeadingLeads = new("heading-leads", "a line opening on these titles a section",
        ["về", "khu vực", "đối với", "riêng", "khối", "lĩnh vực", "tình hình", "kết quả", "thu hút đầu tư", "đầu tư"], "Khu vực FDI:");

    /// <summary>A lead clause opening on these with no scope changes the paragraph's topic, and drops the scope it had.</summary>
    public static readonly WordSet TopicLeads = new("topic-leads", "a lead clause with no scope: a new topic",
        ["về", "đối với", "trong lĩnh vực", "ở lĩnh vực"], "Về sản xuất kinh doanh, doanh thu đạt 5.000 tỷ đồng.");

    /// <summary>A clause opening on these speaks of the total again.</summary>
    public static readonly WordSet TotalLeads = new("total-leads", "a return to the total ends every scope frame",
        ["tính chung", "tổng cộng", "tính chung cả", "cả hai khu vực", "chung cho cả", "gộp cả"], "Tính chung, các KCN thu hút 41 dự án.");

    /// <summary>A scope word right after these names a kind of capital, which frames only investment figures.</summary>
    public static readonly WordSet CapitalNouns = new("capital-nouns", "a capital subject frames projects and capital only",
        ["vốn", "tổng vốn", "nguồn vốn", "vốn đầu tư", "đầu tư", "dự án", "các dự án"], "Vốn FDI đạt 800 triệu USD, gồm 20 dự án cấp mới.");

    /// <summary>A scope word after these names a population of firms, which frames every figure of theirs.</summary>
    public static readonly WordSet PopulationNouns = new("population-nouns", "a population subject frames all its figures",
        ["doanh nghiệp", "các doanh nghiệp", "dn", "khối", "khu vực", "lao động", "người lao động"],
        "Các doanh nghiệp FDI xuất khẩu đạt 5 tỷ USD, nộp ngân sách 800 tỷ đồng.");

    /// <summary>A scope named after these names a part of a total: it frames its own sentence only.</summary>
    public static readonly WordSet BreakdownLeads = new("breakdown-leads", "a part of a total frames its own sentence only",
        ["trong đó", "gồm", "bao gồm", "trong số này", "riêng"], "Thu hút 41 dự án, trong đó FDI 28 dự án, DDI 13 dự án.");

    /// <summary>A sentence naming these before its numbers speaks of the zones' projects as a whole, not of one investor's.</summary>
    public static readonly WordSet ZoneTotals = new("zone-totals", "the zones' projects as a whole end a project owner's frame",
        ["các dự án", "các kcn", "các khu công nghiệp", "các khu kinh tế", "toàn tỉnh", "trên địa bàn", "toàn khu"],
        "Với dự án này, tổng vốn đăng ký của các dự án tại KCN VSIP Nghệ An đã lên gần 1,3 tỷ USD.");

    /// <summary>A country after these is an investor's nationality (<see cref="Cues.Countries"/>); "(Nhật Bản)" after a firm's name too.</summary>
    public static readonly WordSet InvestorNouns = new("investor-nouns", "a country after these names the investor, whose project's capital is FDI",
        ["nhà đầu tư", "các nhà đầu tư", "chủ đầu tư", "tập đoàn", "công ty", "doanh nghiệp", "các doanh nghiệp", "đối tác", "đến từ", "quốc tịch"],
        "doanh nghiệp do nhà đầu tư Hàn Quốc thành lập");

    /// <summary>"Việt Nam" names a domestic investor only after these ("doanh nghiệp của nhà đầu tư Việt Nam").</summary>
    public static readonly WordSet HomeInvestorNouns = new("home-investor-nouns", "the home country names a domestic investor only after these",
        ["nhà đầu tư", "các nhà đầu tư", "chủ đầu tư"], "doanh nghiệp của nhà đầu tư Việt Nam");

    public static readonly string Capital = MatchKey.Fold("vốn");

    public static bool Starts(string text, string[] words) => FigureExtractor.StartsWithAny(text.TrimStart(' ', '-', '+', '•', '*'), words, out _);

    public static bool ContainsAny(string text, string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>"1.", "II.", "a)", "-": a numbered or bulleted heading.</summary>
    public static bool IsEnumerated(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^\s*(?:[0-9]{1,2}[.)]|[ivx]{1,4}[.)]|[a-zđ][)]|[-+•*])\s");
}
