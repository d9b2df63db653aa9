namespace Pipeline.Search.Language;

/// <summary>
/// Phrases that mean the same thing in this domain, each with a sentence written the way a bulletin
/// writes it (the example is the test: a query in any of the forms finds it).
/// </summary>
public sealed record Equivalence(IReadOnlyList<string> Forms, string Example);

/// <summary>
/// The abbreviations and equivalent phrasings of the boards' bulletins. At query time a query's
/// words that spell one form also match every other form of its row, in every spelling (accented,
/// unaccented, Telex), so "khu cong nghiep" finds a page that writes only "KCN" and the reverse;
/// the form typed still ranks above the others (see <see cref="QueryBuilder"/>).
/// One row is one meaning; adding a phrasing is adding a form to its row.
/// </summary>
public static class Equivalents
{
    public static readonly IReadOnlyList<Equivalence> Table =
    [
        // Zones and their boards
        new(["khu công nghiệp", "KCN"], "Hà Nam hiện có 8 KCN đang hoạt động với tỷ lệ lấp đầy 70%."),
        new(["khu kinh tế", "KKT"], "KKT Đông Nam đã thu hút thêm 6 dự án trong quý."),
        new(["khu chế xuất", "KCX"], "Các doanh nghiệp KCX Tân Thuận xuất khẩu hàng dệt may."),
        new(["khu công nghệ cao", "KCNC", "khu CNC"], "KCNC Hòa Lạc đón nhà đầu tư bán dẫn."),
        new(["khu kinh tế cửa khẩu", "KKTCK", "KKT cửa khẩu"], "KKTCK Lao Bảo tăng lượng hàng hóa thông quan."),
        new(["cụm công nghiệp", "CCN"], "Huyện đầu tư hạ tầng CCN Phú Thứ để di dời cơ sở sản xuất."),
        new(["ban quản lý", "BQL"], "BQL các KCN tổ chức đối thoại với doanh nghiệp."),
        new(["công nghệ cao", "CNC"], "Dự án sản xuất linh kiện ứng dụng CNC được cấp phép."),

        // Capital by origin
        new(["đầu tư trực tiếp nước ngoài", "FDI", "đầu tư nước ngoài", "vốn nước ngoài", "có vốn nước ngoài"],
            "Trong năm có 12 dự án FDI mới được cấp phép tại các KCN."),
        new(["đầu tư trong nước", "DDI", "vốn trong nước", "vốn đầu tư trong nước", "nhà đầu tư trong nước"],
            "Các KCN thu hút 9 dự án DDI với tổng vốn 2.100 tỷ đồng."),

        // Trade, licences, procedures
        new(["xuất nhập khẩu", "XNK"], "Kim ngạch XNK của doanh nghiệp tăng 14% so với cùng kỳ."),
        new(["kim ngạch xuất khẩu", "KNXK"], "KNXK 9 tháng đạt 1,2 tỷ USD."),
        new(["giấy chứng nhận đăng ký đầu tư", "GCNĐKĐT", "GCN ĐKĐT", "chứng nhận đăng ký đầu tư"],
            "Ban đã cấp GCNĐKĐT cho 15 dự án mới."),
        new(["giấy chứng nhận đầu tư", "GCNĐT"], "Lễ trao GCNĐT cho nhà máy may mặc."),
        new(["giấy chứng nhận đăng ký doanh nghiệp", "GCNĐKDN"], "Doanh nghiệp được cấp GCNĐKDN trong ngày."),
        new(["thủ tục hành chính", "TTHC"], "Giải quyết 1.250 hồ sơ TTHC đúng hạn."),
        new(["xúc tiến đầu tư", "XTĐT"], "Hội nghị XTĐT tại Hàn Quốc thu hút 40 doanh nghiệp."),
        new(["giải phóng mặt bằng", "GPMB"], "Công tác GPMB khu tái định cư đạt 90%."),

        // People, institutions
        new(["doanh nghiệp", "DN"], "Có 320 DN đang hoạt động trong các KCN."),
        new(["người lao động", "NLĐ"], "Chăm lo Tết cho NLĐ có hoàn cảnh khó khăn."),
        new(["an toàn vệ sinh lao động", "ATVSLĐ", "an toàn lao động"], "Tập huấn ATVSLĐ cho cán bộ công đoàn."),
        new(["ủy ban nhân dân", "UBND"], "UBND tỉnh phê duyệt quy hoạch chi tiết."),
        new(["phòng cháy chữa cháy", "PCCC"], "Kiểm tra PCCC tại các nhà xưởng."),
        new(["bảo vệ môi trường", "BVMT"], "Doanh nghiệp ký cam kết BVMT."),
        new(["ngân sách nhà nước", "NSNN"], "Nộp NSNN đạt 3.400 tỷ đồng."),
        new(["giá trị sản xuất công nghiệp", "GTSXCN"], "GTSXCN ước tăng 11% so với cùng kỳ."),

        // Periods written two ways
        new(["quý I", "quý 1"], "Quý 1 các KCN thu hút 7 dự án."),
        new(["quý II", "quý 2"], "Quý 2 các KCN thu hút 4 dự án."),
        new(["quý III", "quý 3"], "Quý 3 các KCN thu hút 5 dự án."),
        new(["quý IV", "quý 4"], "Quý 4 các KCN thu hút 8 dự án."),
        new(["6 tháng đầu năm", "sáu tháng đầu năm", "nửa đầu năm"], "Nửa đầu năm, vốn đăng ký tăng 20%."),
        new(["thành phố", "TP"], "TP Cần Thơ có 8 KCN."),
    ];
}
