using Pipeline.Search.Analysis;

namespace Pipeline.Search.Language;

/// <summary>One province or centrally-run city as stored (its canonical name) and the other names people type for it.</summary>
public sealed record Place(string Name, IReadOnlyList<string> OtherNames);

/// <summary>
/// Provinces by every name in use: the canonical name documents are filed under, former and common
/// names, abbreviations and the forms with or without "TP."/"Tỉnh". Read in any spelling and case.
/// The canonical names are handed in (<see cref="SearchVocabulary"/>: the extractor's, which files documents under them);
/// this table adds what people type, e.g. "Sài Gòn", "TP.HCM", "Huế", "BR-VT".
/// </summary>
public sealed class Places
{
    private static readonly Dictionary<string, string[]> Others = new()
    {
        ["TP. Hồ Chí Minh"] = ["Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP.HCM", "TPHCM", "TP HCM", "HCM", "HCMC", "Sài Gòn", "Sài Gòn - Gia Định"],
        ["Thừa Thiên Huế"] = ["Thừa Thiên - Huế", "Huế", "TT Huế", "TT-Huế", "Thành phố Huế", "TP Huế"],
        ["Bà Rịa - Vũng Tàu"] = ["BR-VT", "BRVT", "Bà Rịa Vũng Tàu", "Vũng Tàu"],
        ["Hà Nội"] = ["Thủ đô Hà Nội", "Hà Tây"],
        ["Đắk Lắk"] = ["Đắc Lắc", "Đắk Lăk", "Daklak", "Đắc Lắk"],
        ["Đắk Nông"] = ["Đắc Nông", "Daknong"],
        ["Bắc Kạn"] = ["Bắc Cạn"],
        ["Kon Tum"] = ["Kontum"],
        ["Đà Nẵng"] = ["TP Đà Nẵng", "Thành phố Đà Nẵng"],
        ["Hải Phòng"] = ["TP Hải Phòng", "Thành phố Hải Phòng"],
        ["Cần Thơ"] = ["TP Cần Thơ", "Thành phố Cần Thơ", "Tây Đô"],
    };

    /// <param name="names">The provinces' canonical names.</param>
    public Places(IEnumerable<string> names)
    {
        Table = [.. names.Select(n => new Place(n, Others.GetValueOrDefault(n) ?? []))];
        Phrases = [.. Table.SelectMany(p => p.OtherNames.Prepend(p.Name).Select(n => (Words: Key(n), p.Name)))
            .Where(p => p.Words.Length > 0)
            .DistinctBy(p => string.Join(' ', p.Words) + "|" + p.Name)
            .OrderByDescending(p => p.Words.Length)];
    }

    /// <summary>Every province with its other names.</summary>
    public IReadOnlyList<Place> Table { get; }

    /// <summary>Each name's folded words (a leading "tp", "thanh pho" or "tinh" dropped), longest first.</summary>
    public IReadOnlyList<(string[] Words, string Name)> Phrases { get; }

    /// <summary>The canonical name of a province typed in any spelling, case or form ("ho chi minh", "TP.HCM", "hue"), or null.</summary>
    public string? Resolve(string typed)
    {
        var key = Key(typed);
        if (key.Length == 0)
        {
            return null;
        }

        var matches = Phrases.Where(p => p.Words.SequenceEqual(key)).Select(p => p.Name).Distinct().ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The province whose name is nearest to what was typed (by edit distance on the folded names), for "did you mean".</summary>
    public string Closest(string typed)
    {
        var key = string.Join(' ', Key(typed));
        return Phrases.OrderBy(p => Distance(key, string.Join(' ', p.Words))).ThenBy(p => p.Name, StringComparer.Ordinal).First().Name;
    }

    /// <summary>A name's words, folded to plain ASCII, with a leading "TP.", "Thành phố" or "Tỉnh" dropped.</summary>
    public static string[] Key(string name)
    {
        var words = QueryBuilder.Words(name).Select(VietnameseFold.Full).ToArray();
        var skip = words switch
        {
            ["tp", _, ..] or ["tinh", _, ..] => 1,
            ["thanh", "pho", _, ..] => 2,
            _ => 0,
        };
        return words[skip..];
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}
