namespace Pipeline.Extraction.Text;

/// <summary>
/// <see cref="char.IsLetter(char)"/> and <see cref="char.IsLetterOrDigit(char)"/> answered from a table for the
/// characters Vietnamese text is written in (Latin, its extensions and the Vietnamese block, below U+2000), so the
/// passes that walk every character of a text do not look up Unicode categories; the same answers, built from them.
/// </summary>
internal static class CharKinds
{
    private const int Covered = 0x2000;
    private const byte Letter = 1;
    private const byte LetterOrDigit = 2;

    private static readonly byte[] Kinds = Build();

    public static bool IsLetter(char c) => c < Covered ? (Kinds[c] & Letter) != 0 : char.IsLetter(c);

    public static bool IsLetterOrDigit(char c) => c < Covered ? (Kinds[c] & LetterOrDigit) != 0 : char.IsLetterOrDigit(c);

    private static byte[] Build()
    {
        var kinds = new byte[Covered];
        for (var c = 0; c < Covered; c++)
        {
            kinds[c] = (byte)((char.IsLetter((char)c) ? Letter : 0) | (char.IsLetterOrDigit((char)c) ? LetterOrDigit : 0));
        }

        return kinds;
    }
}
