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
    /// Characters that TCVN3 or VNI font text shows when read as Latin-1 and that Vietnamese never writes:
    /// marks and letters of other languages. "Ð" is left out (pages write it for "Đ"), and so are °, ², ³ (units).
    /// </summary>
    public const string Tcvn3Marks = "¸¶·¹¨»¾¼½«®©ª¬¦§¤¥¢£ÄÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïðñöøûüþÿ";

    private static readonly SearchValues<char> Marks = SearchValues.Create(Tcvn3Marks);

    /// <summary>At least two words, and one word in five, of a line of three words or more carry a TCVN3 mark or VNI digits.</summary>
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
            bad += HasMark(w) || VniWord().IsMatch(w) ? 1 : 0;
        }

        return bad >= 2 && bad * 5 >= words.Length;
    }

    // A foreign letter anywhere, or a mark between letters ("c«ng", "t©m"): a quote «like this» is not mangled.
    private static bool HasMark(string word)
    {
        for (var i = word.AsSpan().IndexOfAny(Marks); i >= 0 && i < word.Length; i++)
        {
            if (Marks.Contains(word[i])
                && (char.IsLetter(word[i]) || (i > 0 && i + 1 < word.Length && char.IsLetter(word[i - 1]) && char.IsLetter(word[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    // VNI keystroke digits in a lower-case word: "Qua3n", "nghie65p", "ly1" (not "VSIP2", "Covid-19", "H2O").
    [GeneratedRegex(@"^\p{L}\p{Ll}*[1-9]{1,2}\p{Ll}*[,.;:]?$", RegexOptions.CultureInvariant)]
    private static partial Regex VniWord();
}
