using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Documents;

/// <summary>A board named in a text: where, its name as written (without inline abbreviations), and the province its place gives.</summary>
public sealed record BoardMention(int Start, int End, string Name, string? Province)
{
    /// <summary>True when the name stops at "tỉnh"/"thành phố" without saying which ("Ban Quản lý các KCN tỉnh").</summary>
    public bool LacksPlace => Province is null && BoardNames.EndsWithAdminWord(Name);
}

/// <summary>
/// A board's name is "Ban Quản lý", then words that name kinds of zone ("các khu công nghiệp", "Khu kinh tế",
/// "KCX", "Khu công nghệ cao") joined by "và" or a comma, then an administrative word and a place (a province
/// or a zone: "tỉnh Bắc Ninh", "Vân Phong", "Dung Quất và các KCN Quảng Ngãi"). The name ends where a word
/// outside this grammar starts ("Ban Quản lý các KCN đã cấp ..." is "Ban Quản lý các KCN"); a "Ban Quản lý"
/// that names no kind of zone ("Ban Quản lý dự án", "Ban Quản lý chợ") is not a board of this domain.
/// </summary>
public static partial class BoardNames
{
    /// <summary>Phrases that name a kind of zone; a board's name holds at least one.</summary>
    public static readonly IReadOnlyList<string> ZonePhrases =
    [
        "khu công nghiệp", "khu kinh tế", "khu chế xuất", "khu công nghệ cao", "khu kinh tế cửa khẩu", "khu kinh tế mở", "cụm công nghiệp",
        "công nghiệp", "chế xuất", "kinh tế", "công nghệ cao", "kcn", "kkt", "kcx", "kcnc", "ccn", "kktck",
    ];

    /// <summary>Words that join kinds of zone or lead to the place; never the last word of a name.</summary>
    public static readonly IReadOnlyList<string> JoinWords = ["các", "và", "-", "–"];

    /// <summary>Administrative words before a place ("tỉnh Bình Thuận", "TP. Hồ Chí Minh"); kept when no place follows, so the reader can add it.</summary>
    public static readonly IReadOnlyList<string> AdminWords = ["tỉnh", "thành phố", "tp.", "tp"];

    /// <summary>Abbreviations written in brackets after a kind of zone: dropped from the name ("các khu công nghiệp (KCN) Thái Nguyên").</summary>
    public static readonly IReadOnlyList<string> InlineAbbreviations = ["kcn", "kkt", "kcx", "kcnc", "bql", "ccn"];

    /// <summary>Sentences and the board (and its province) they name: the examples are the tests.</summary>
    public static readonly IReadOnlyList<(string Text, string? Board, string? Province)> Examples =
    [
        ("Ban Quản lý các KCN tỉnh Bắc Ninh tổng kết công tác năm 2018", "Ban Quản lý các KCN tỉnh Bắc Ninh", "Bắc Ninh"),
        ("Ban Quản lý các KCN đã cấp mới 12 dự án trong năm", "Ban Quản lý các KCN", null),
        ("Ban Quản lý các Khu chế xuất và công nghiệp TP. Hồ Chí Minh (HEPZA) tổ chức hội nghị", "Ban Quản lý các Khu chế xuất và công nghiệp TP. Hồ Chí Minh (HEPZA)", "TP. Hồ Chí Minh"),
        ("ông Trung, Phó Trưởng ban Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp, cho biết", "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp", "Thanh Hóa"),
        ("Ban Quản lý Khu kinh tế Dung Quất và các KCN Quảng Ngãi cấp phép dự án", "Ban Quản lý Khu kinh tế Dung Quất và các KCN Quảng Ngãi", "Quảng Ngãi"),
        ("Ban Quản lý các khu công nghiệp (KCN) Thái Nguyên tổ chức hội nghị", "Ban Quản lý các khu công nghiệp Thái Nguyên", "Thái Nguyên"),
        ("Ban Quản lý Khu kinh tế, công nghiệp tỉnh Thừa Thiên Huế cho biết", "Ban Quản lý Khu kinh tế, công nghiệp tỉnh Thừa Thiên Huế", "Thừa Thiên Huế"),
        ("Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn thông tin", "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn", "Lạng Sơn"),
        ("Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng", "Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng", "Đà Nẵng"),
        ("Ban Quản lý Khu kinh tế tỉnh tặng giấy khen cho 6 tập thể", "Ban Quản lý Khu kinh tế tỉnh", null),
        ("Ban Quản lý các KCN và các sở ngành liên quan", "Ban Quản lý các KCN", null),
        ("Ban Quản lý dự án đầu tư xây dựng tỉnh Long An", null, null),
        ("Ban Quản lý chợ Bến Thành", null, null),
    ];

    private static readonly string Lead = MatchKey.Fold("ban quản lý");

    private static readonly string[] Zone = ZonePhrases.Select(MatchKey.Fold).OrderByDescending(p => p.Length).ToArray();
    private static readonly FrozenSet<string> Join = JoinWords.Select(MatchKey.Fold).ToFrozenSet();
    private static readonly string[] Admin = AdminWords.Select(MatchKey.Fold).OrderByDescending(p => p.Length).ToArray();
    private static readonly FrozenSet<string> Abbreviations = InlineAbbreviations.ToFrozenSet();

    /// <summary>Every board named in a clean text and its folded key, in order.</summary>
    public static List<BoardMention> Find(string clean, string key)
    {
        var found = new List<BoardMention>();
        // The longest place starting at each offset (the first listed on a tie), looked up per word instead of walked.
        var places = new Dictionary<int, (int Start, int End, string Name)>();
        foreach (var place in Provinces.Find(key))
        {
            if (!places.TryGetValue(place.Start, out var known) || place.End > known.End)
            {
                places[place.Start] = place;
            }
        }

        var at = key.IndexOf(Lead, StringComparison.Ordinal);
        while (at >= 0)
        {
            if ((at == 0 || !char.IsLetter(key[at - 1])) && Read(clean, key, at, places) is { } mention)
            {
                found.Add(mention);
            }

            at = key.IndexOf(Lead, at + Lead.Length, StringComparison.Ordinal);
        }

        return found;
    }

    /// <summary>The one board a short text names, or null (used for the examples and for a byline line).</summary>
    public static BoardMention? First(string text)
    {
        var clean = TextCleaner.Clean(text);
        return Find(clean, MatchKey.Fold(clean)).FirstOrDefault();
    }

    public static bool EndsWithAdminWord(string name)
    {
        var key = MatchKey.Fold(name.TrimEnd());
        return Admin.Any(a => key.EndsWith(" " + a, StringComparison.Ordinal));
    }

    private static BoardMention? Read(string clean, string key, int start, Dictionary<int, (int Start, int End, string Name)> places)
    {
        var pos = start + Lead.Length;
        var end = pos; // the end of the last word that may end a name
        var zoneWords = 0;
        string? province = null;
        var drop = new List<(int Start, int End)>();
        while (true)
        {
            var next = SkipSpaces(key, pos);
            if (next >= key.Length || key[next] == '\n')
            {
                break;
            }

            if (places.TryGetValue(next, out var place) && place.Name is not null && zoneWords > 0)
            {
                province = place.Name;
                pos = end = place.End;
                continue;
            }

            var wordEnd = next;
            while (wordEnd < key.Length && !char.IsWhiteSpace(key[wordEnd]))
            {
                wordEnd++;
            }

            var word = key[next..wordEnd].TrimEnd(',');
            if (word.Length > 2 && word[0] == '(' && word[^1] == ')')
            {
                var inner = word[1..^1];
                if (Abbreviations.Contains(inner))
                {
                    drop.Add((pos, next + word.Length)); // "(KCN)" after the words it shortens
                    pos = next + word.Length;
                    if (pos < key.Length && key[pos] == ',' && !FollowsZone(key, pos + 1))
                    {
                        break;
                    }

                    pos += pos < key.Length && key[pos] == ',' ? 1 : 0;
                    continue;
                }

                // A board's own acronym right after its place: "(HEPZA)".
                if (province is not null && end == pos && inner.All(char.IsLetter) && clean[(next + 1)..(next + word.Length - 1)].All(char.IsUpper))
                {
                    end = next + word.Length;
                }

                break;
            }

            int stop;
            if ((stop = PhraseAt(key, next, Zone)) > 0)
            {
                zoneWords++;
                pos = end = stop;
            }
            else if ((stop = PhraseAt(key, next, Admin)) > 0)
            {
                pos = end = stop;
            }
            else if (Join.Contains(word))
            {
                pos = next + word.Length;
            }
            else
            {
                break;
            }

            // A comma goes on only into another kind of zone: "Khu kinh tế, công nghiệp tỉnh ...".
            if (pos < key.Length && key[pos] == ',')
            {
                if (!FollowsZone(key, pos + 1))
                {
                    break;
                }

                pos++;
            }
        }

        if (zoneWords == 0)
        {
            return null;
        }

        var name = clean[start..end];
        foreach (var (from, to) in drop.Where(d => d.End <= end).OrderByDescending(d => d.Start))
        {
            name = name.Remove(from - start, to - from);
        }

        return new BoardMention(start, end, Spaces().Replace(name, " ").Trim().TrimEnd(','), province);
    }

    private static int SkipSpaces(string key, int pos)
    {
        while (pos < key.Length && key[pos] == ' ')
        {
            pos++;
        }

        return pos;
    }

    private static bool FollowsZone(string key, int pos) => PhraseAt(key, SkipSpaces(key, pos), Zone) > 0;

    /// <summary>The end of the longest phrase that starts at the position as whole words, or 0.</summary>
    private static int PhraseAt(string key, int at, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            var stop = at + phrase.Length;
            if (key.AsSpan(at).StartsWith(phrase, StringComparison.Ordinal) && (stop == key.Length || !char.IsLetterOrDigit(key[stop])))
            {
                return stop;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
