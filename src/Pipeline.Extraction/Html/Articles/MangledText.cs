using System.Buffers;
using System.Text.RegularExpressions;

namespace Pipeline.Extraction.Html;

/// <summary>
/// Text typed with an old Vietnamese input method or font and shown as Unicode: TCVN3 (ABC) bytes read as
/// Latin-1 ("Qu¶n lý c¸c khu c«ng nghiÖp") or VNI keystrokes left as digits ("Qua3n ly1 co6ng nghie65p").
/// A banner or a partner's line left like this in a Unicode page is furniture: no reader can use it.
/// </summary>
internal static partial class MangledText
{
    /// <summary>
    /// Characters that TCVN3 text shows when read as Latin-1 and that Vietnamese never writes: marks and
    /// letters of other languages. "Ð" is left out: pages write it for "Đ" (the cleaner maps it).
    /// </summary>
    public const string Tcvn3Marks = "¸¶·¹¨»¾¼½«®©ª¬¦§¤¥¢£°±²³µÆÇÊËÎÏÑÖ×ØÜÞßåæçëîïðñöøûüþÿ";

    private static readonly SearchValues<char> Marks = SearchValues.Create(Tcvn3Marks);

    /// <summary>At least two words in three of a line (three words or more) carry a TCVN3 mark or VNI digits.</summary>
    public static bool IsMangled(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
        {
            return false;
        }

        var bad = 0;
        foreach (var w in words)
        {
            bad += w.AsSpan().IndexOfAny(Marks) >= 0 || VniWord().IsMatch(w) ? 1 : 0;
        }

        return bad >= 2 && bad * 3 >= words.Length;
    }

    // VNI keystroke digits in a lower-case word: "Qua3n", "nghie65p", "ly1" (not "VSIP2", "Covid-19", "H2O").
    [GeneratedRegex(@"^\p{L}\p{Ll}*[1-9]{1,2}\p{Ll}*[,.;:]?$", RegexOptions.CultureInvariant)]
    private static partial Regex VniWord();
}
