namespace Pipeline.Extraction.Text;

/// <summary>
/// A lowercased copy of a text, the same length, with each syllable's tone mark moved to one
/// canonical vowel, so "hoà"/"hòa", "thuỷ"/"thủy" and "Qúy"/"Quý" match alike while every offset
/// still points into the original. Cue words pass through the same fold before they are matched.
/// The fold is the shared language primitive <see cref="Pipeline.Core.Text.ToneKey"/>, so search spells words as the extractor reads them.
/// </summary>
public static class MatchKey
{
    public static string Fold(string text) => Pipeline.Core.Text.ToneKey.Fold(text);
}
