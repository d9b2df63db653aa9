namespace Pipeline.Extraction.Numbers;

/// <summary>Reads whole words around an offset of the folded match key.</summary>
public static class WordReader
{
    /// <summary>Up to <paramref name="count"/> words ending right before <paramref name="end"/>, joined by single spaces.
    /// Stops at punctuation other than a colon after a label ("Lượt xem: 1573").</summary>
    public static string Before(string key, int end, int count, bool throughColon = false)
    {
        var (first, last) = BeforeSpan(key, end, count, throughColon);
        return first == last ? "" : key[first..last];
    }

    /// <summary>Where <see cref="Before"/>'s words start and end, without making the string.</summary>
    public static (int Start, int End) BeforeSpan(string key, int end, int count, bool throughColon = false)
    {
        var i = end;
        while (i > 0 && key[i - 1] == ' ')
        {
            i--;
        }

        if (throughColon && i > 0 && key[i - 1] == ':')
        {
            i--;
            while (i > 0 && key[i - 1] == ' ')
            {
                i--;
            }
        }

        var last = i;
        var first = i;
        for (var words = 0; words < count; words++)
        {
            var k = i;
            while (k > 0 && IsWordChar(key[k - 1]))
            {
                k--;
            }

            if (k == i)
            {
                break;
            }

            first = k;
            if (k == 0 || key[k - 1] != ' ')
            {
                break; // punctuation or a glued token ends the phrase
            }

            i = k - 1;
            if (i > 0 && key[i - 1] == ' ')
            {
                break; // two spaces: not one phrase
            }
        }

        return (first, last);
    }

    /// <summary>The start offset of the word sequence <paramref name="phrase"/> if it ends right before <paramref name="end"/> (spaces between).</summary>
    public static int PhraseEndingAt(string key, int end, string phrase)
    {
        var j = end;
        while (j > 0 && key[j - 1] == ' ')
        {
            j--;
        }

        var start = j - phrase.Length;
        if (start < 0 || string.CompareOrdinal(key, start, phrase, 0, phrase.Length) != 0)
        {
            return -1;
        }

        return start == 0 || !IsWordChar(key[start - 1]) ? start : -1;
    }

    /// <summary>Whether <paramref name="phrase"/> starts at <paramref name="start"/> and ends at a word boundary.</summary>
    public static bool StartsAt(string key, int start, string phrase)
    {
        if (start + phrase.Length > key.Length || string.CompareOrdinal(key, start, phrase, 0, phrase.Length) != 0)
        {
            return false;
        }

        var end = start + phrase.Length;
        return end == key.Length || !IsWordChar(key[end]) || !IsWordChar(phrase[^1]);
    }

    public static int SkipSpaces(string key, int i)
    {
        while (i < key.Length && key[i] == ' ')
        {
            i++;
        }

        return i;
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
