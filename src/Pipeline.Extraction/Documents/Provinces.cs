using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Documents;

/// <summary>Vietnam's provinces and centrally-run cities as bulletins name them, with common variants.</summary>
public static class Provinces
{
    private static readonly (string Name, string[] Variants)[] Table =
    [
        ("An Giang", []), ("Bà Rịa - Vũng Tàu", ["Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu", "BR-VT", "Vũng Tàu"]), ("Bắc Giang", []), ("Bắc Kạn", ["Bắc Cạn"]),
        ("Bạc Liêu", []), ("Bắc Ninh", []), ("Bến Tre", []), ("Bình Định", []), ("Bình Dương", []), ("Bình Phước", []), ("Bình Thuận", []),
        ("Cà Mau", []), ("Cần Thơ", []), ("Cao Bằng", []), ("Đà Nẵng", []), ("Đắk Lắk", ["Đắc Lắc", "Đắk Lăk"]), ("Đắk Nông", []),
        ("Điện Biên", []), ("Đồng Nai", []), ("Đồng Tháp", []), ("Gia Lai", []), ("Hà Giang", []), ("Hà Nam", []), ("Hà Nội", []),
        ("Hà Tĩnh", []), ("Hải Dương", []), ("Hải Phòng", []), ("Hậu Giang", []), ("Hòa Bình", []), ("Hưng Yên", []), ("Khánh Hòa", []),
        ("Kiên Giang", []), ("Kon Tum", []), ("Lai Châu", []), ("Lâm Đồng", []), ("Lạng Sơn", []), ("Lào Cai", []), ("Long An", []),
        ("Nam Định", []), ("Nghệ An", []), ("Ninh Bình", []), ("Ninh Thuận", []), ("Phú Thọ", []), ("Phú Yên", []), ("Quảng Bình", []),
        ("Quảng Nam", []), ("Quảng Ngãi", []), ("Quảng Ninh", []), ("Quảng Trị", []), ("Sóc Trăng", []), ("Sơn La", []), ("Tây Ninh", []),
        ("Thái Bình", []), ("Thái Nguyên", []), ("Thanh Hóa", []), ("Thừa Thiên Huế", ["Thừa Thiên - Huế", "Huế"]), ("Tiền Giang", []),
        ("TP. Hồ Chí Minh", ["Hồ Chí Minh", "TP.HCM", "TPHCM", "TP HCM", "Sài Gòn"]), ("Trà Vinh", []), ("Tuyên Quang", []), ("Vĩnh Long", []),
        ("Vĩnh Phúc", []), ("Yên Bái", []),
    ];

    // Economic zones whose boards often name only the zone: "Ban Quản lý Khu kinh tế Vân Phong".
    private static readonly (string Zone, string Province)[] Zones =
    [
        ("Vân Phong", "Khánh Hòa"), ("Dung Quất", "Quảng Ngãi"), ("Chu Lai", "Quảng Nam"), ("Vũng Áng", "Hà Tĩnh"),
        ("Nghi Sơn", "Thanh Hóa"), ("Đông Nam Nghệ An", "Nghệ An"), ("Phú Quốc", "Kiên Giang"), ("Vân Đồn", "Quảng Ninh"),
        ("Đình Vũ - Cát Hải", "Hải Phòng"), ("Chân Mây - Lăng Cô", "Thừa Thiên Huế"), ("Nhơn Hội", "Bình Định"),
        ("Nam Phú Yên", "Phú Yên"), ("Hòn La", "Quảng Bình"), ("Đông Nam Quảng Trị", "Quảng Trị"), ("Định An", "Trà Vinh"),
        ("Năm Căn", "Cà Mau"), ("Lao Bảo", "Quảng Trị"), ("Cầu Treo", "Hà Tĩnh"), ("Mộc Bài", "Tây Ninh"), ("Móng Cái", "Quảng Ninh"),
        ("Đồng Đăng", "Lạng Sơn"), ("Hà Tiên", "Kiên Giang"), ("Bờ Y", "Kon Tum"), ("Cha Lo", "Quảng Bình"), ("Tịnh Biên", "An Giang"),
    ];

    private static readonly Figures.PhraseMatcher<string> Matcher = new(
        Table.SelectMany(p => p.Variants.Prepend(p.Name).Select(v => (v, p.Name))).Concat(Zones.Select(z => (z.Zone, z.Province))));

    public static IReadOnlyList<string> Names { get; } = Table.Select(p => p.Name).ToArray();

    /// <summary>
    /// The table's own spelling of a province a registry or a user wrote some other way ("Hồ Chí Minh",
    /// "Bà Rịa-Vũng Tàu", "TPHCM"): the name whose variant is the whole of <paramref name="name"/>; null for
    /// anything else, so a typo is never taken for a province.
    /// </summary>
    public static string? Canonical(string name)
    {
        var key = MatchKey.Fold(name.Trim());
        return Find(key).FirstOrDefault(h => h.Start == 0 && h.End == key.Length) is { Name: { } found } ? found : null;
    }

    /// <summary>Every province named in a folded text, with where.</summary>
    public static IEnumerable<(int Start, int End, string Name)> Find(string key) =>
        Matcher.FindAll(key).Select(h => (h.Hit.Start, h.Hit.End, h.Value));
}
