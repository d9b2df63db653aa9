using System.Text;

namespace Pipeline.Decoding;

/// <summary>Unicode normalisation that cannot throw.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// NFC, which joins windows-1258's separate tone marks to their letters. string.Normalize throws
    /// on unpaired surrogates, so those become U+FFFD first.
    /// </summary>
    public static string Nfc(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(chars[i]))
                {
                    chars[i] = '\uFFFD';
                }
            }

            return new string(chars).Normalize(NormalizationForm.FormC);
        }
    }
}
