using System.Collections.Frozen;
using Pipeline.Extraction.Numbers;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>
/// FIGURES.md "Scope carries", for a project's owner: a foreign investor named as the owner ("doanh nghiệp do nhà đầu tư
/// Hàn Quốc thành lập", "Công ty TNHH X (Nhật Bản)") makes that project's capital FDI; "nhà đầu tư Việt Nam" makes it
/// domestic. A country counts only where it names an investor: after an investor noun, or alone in a firm's parenthesis;
/// "xuất khẩu sang Hàn Quốc" names a market and "đô la Mỹ" a currency.
/// </summary>
public static class InvestorCountries
{
    private static readonly FrozenDictionary<string, Core.Scope> ByPhrase =
        Cues.Countries.ToFrozenDictionary(c => MatchKey.Fold(c.Phrase), c => c.Scope, StringComparer.Ordinal);

    /// <summary>The country phrases, as scope cues of the sentences.</summary>
    public static IEnumerable<(string Phrase, Core.Scope Scope)> Phrases => Cues.Countries;

    /// <summary>Whether a scope hit is a country (whose scope is its investor's).</summary>
    public static bool IsCountry(string phrase) => ByPhrase.ContainsKey(phrase);

    /// <summary>Whether a scope hit stands: any scope word does; a country only where it names an investor.</summary>
    public static bool Stands(string key, CueHit hit)
    {
        if (!ByPhrase.TryGetValue(hit.Phrase, out var scope))
        {
            return true;
        }

        var before = WordReader.Before(key, hit.Start, 4);
        if (scope == Core.Scope.Domestic)
        {
            return FigureExtractor.EndsWithAny(before, ScopeWords.HomeInvestorNouns) is not null;
        }

        if (InParenthesis(key, hit))
        {
            return true;
        }

        return FigureExtractor.EndsWithAny(before, ScopeWords.InvestorNouns) is not null;
    }

    /// <summary>"(Nhật Bản)", "(Đài Loan, Trung Quốc)": a firm's nationality in brackets right after its name.</summary>
    private static bool InParenthesis(string key, CueHit hit)
    {
        var i = hit.Start - 1;
        while (i >= 0 && key[i] == ' ')
        {
            i--;
        }

        var j = hit.End;
        while (j < key.Length && key[j] == ' ')
        {
            j++;
        }

        return i >= 0 && key[i] == '(' && j < key.Length && key[j] is ')' or ',';
    }
}
