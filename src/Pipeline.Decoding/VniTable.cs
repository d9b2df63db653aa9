namespace Pipeline.Decoding;

/// <summary>
/// VNI for Windows (fonts VNI-Times, VNI-Helve, ...): a vowel is typed as its ASCII base letter
/// followed by a mark character, a few letters have a code of their own. Characters are as the bytes
/// read in windows-1252. Capitals use the capital forms of the same marks ("AÙ" for Á); a capital base
/// with a lower-case mark is accepted too. Only lower case is listed; <see cref="Pairs"/> and
/// <see cref="Singles"/> add the capitals.
/// </summary>
public static class VniTable
{
    private static readonly (string Vni, char Letter)[] LowerPairs =
    [
        // a: tones acute ù, grave ø, hook û, tilde õ, dot ï; ă (breve ê) with é è ú ü ë; â (hat â) with á à å ã ä.
        ("aù", 'á'), ("aø", 'à'), ("aû", 'ả'), ("aõ", 'ã'), ("aï", 'ạ'),
        ("aê", 'ă'), ("aé", 'ắ'), ("aè", 'ằ'), ("aú", 'ẳ'), ("aü", 'ẵ'), ("aë", 'ặ'),
        ("aâ", 'â'), ("aá", 'ấ'), ("aà", 'ầ'), ("aå", 'ẩ'), ("aã", 'ẫ'), ("aä", 'ậ'),

        // e, ê.
        ("eù", 'é'), ("eø", 'è'), ("eû", 'ẻ'), ("eõ", 'ẽ'), ("eï", 'ẹ'),
        ("eâ", 'ê'), ("eá", 'ế'), ("eà", 'ề'), ("eå", 'ể'), ("eã", 'ễ'), ("eä", 'ệ'),

        // o, ô, and ơ (whose own code is ô) with the tones.
        ("où", 'ó'), ("oø", 'ò'), ("oû", 'ỏ'), ("oõ", 'õ'), ("oï", 'ọ'),
        ("oâ", 'ô'), ("oá", 'ố'), ("oà", 'ồ'), ("oå", 'ổ'), ("oã", 'ỗ'), ("oä", 'ộ'),
        ("ôù", 'ớ'), ("ôø", 'ờ'), ("ôû", 'ở'), ("ôõ", 'ỡ'), ("ôï", 'ợ'),

        // u, and ư (whose own code is ö) with the tones.
        ("uù", 'ú'), ("uø", 'ù'), ("uû", 'ủ'), ("uõ", 'ũ'), ("uï", 'ụ'),
        ("öù", 'ứ'), ("öø", 'ừ'), ("öû", 'ử'), ("öõ", 'ữ'), ("öï", 'ự'),

        // y (ỵ has its own code, î; "yï" is accepted as well).
        ("yù", 'ý'), ("yø", 'ỳ'), ("yû", 'ỷ'), ("yõ", 'ỹ'), ("yï", 'ỵ'),
    ];

    private static readonly (char Vni, char Letter)[] LowerSingles =
    [
        ('ñ', 'đ'), ('ô', 'ơ'), ('ö', 'ư'),

        // i takes its tones in one code each; í and ì are the Latin-1 letters themselves.
        ('í', 'í'), ('ì', 'ì'), ('æ', 'ỉ'), ('ó', 'ĩ'), ('ò', 'ị'),
        ('î', 'ỵ'),
    ];

    /// <summary>Base letter + mark → letter, lower case, capitals, and capital base with lower-case mark.</summary>
    public static IReadOnlyDictionary<string, char> Pairs { get; } = BuildPairs();

    /// <summary>Single code → letter, both cases.</summary>
    public static IReadOnlyDictionary<char, char> Singles { get; } = LowerSingles
        .SelectMany(s => new[] { s, (char.ToUpperInvariant(s.Vni), char.ToUpperInvariant(s.Letter)) })
        .ToDictionary(s => s.Item1, s => s.Item2);

    private static Dictionary<string, char> BuildPairs()
    {
        var pairs = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var (vni, letter) in LowerPairs)
        {
            var capital = char.ToUpperInvariant(letter);
            pairs[vni] = letter;
            pairs[vni.ToUpperInvariant()] = capital;
            pairs[$"{char.ToUpperInvariant(vni[0])}{vni[1]}"] = capital;
        }

        return pairs;
    }
}
