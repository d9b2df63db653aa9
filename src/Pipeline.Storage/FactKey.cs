using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Core;

namespace Pipeline.Storage;

/// <summary>
/// What makes two figures the same fact: the province and what was measured, when, in which unit, and
/// what it is about: a zone's figure (its subject) is never the same fact as the province's total. A
/// figure with no province or no period cannot be matched to another report of it.
/// </summary>
public static class FactKey
{
    /// <summary>
    /// <c>province|metric|measure|scope|period|actual or target|unit</c>, then <c>|subject</c> for a figure about
    /// one zone, company or project (its <see cref="SubjectKey"/>); a total's key has no subject part.
    /// </summary>
    public static string? Of(string? province, Figure figure)
    {
        if (province is null || figure.Period is null)
        {
            return null;
        }

        var key = string.Join('|', province, Names.Of(figure.Metric), Names.Of(figure.Measure), figure.Scope is { } s ? Names.Of(s) : "", figure.Period, figure.Target ? "target" : "actual", figure.Unit);
        return SubjectKey.Of(figure.Subject) is { } subject ? key + "|" + subject : key;
    }
}

/// <summary>A long way of writing the start of a subject, its short form, and a subject written the long way (the example is the test).</summary>
public sealed record Abbreviation(string Long, string Short, string Example);

/// <summary>
/// A subject as a fact key writes it, so two reports naming one zone two ways are one fact: lower case,
/// one space between words, no trailing punctuation, and a zone's or company's kind written short
/// ("Khu công nghiệp Quế Võ" and "KCN Quế Võ" are both "kcn quế võ").
/// </summary>
public static partial class SubjectKey
{
    public static readonly IReadOnlyList<Abbreviation> Abbreviations =
    [
        new("khu công nghiệp", "kcn", "Khu công nghiệp Quế Võ"),
        new("khu kinh tế", "kkt", "Khu kinh tế Vân Phong"),
        new("khu chế xuất", "kcx", "Khu chế xuất Tân Thuận"),
        new("khu công nghệ cao", "kcnc", "Khu công nghệ cao Hòa Lạc"),
        new("cụm công nghiệp", "ccn", "Cụm công nghiệp Phú Thứ"),
        new("công ty trách nhiệm hữu hạn", "công ty tnhh", "Công ty trách nhiệm hữu hạn Foxconn"),
        new("công ty cổ phần", "công ty cp", "Công ty cổ phần Thép Hòa Phát"),
        new("cty", "công ty", "Cty TNHH Foxconn"),
    ];

    private static readonly (Regex Long, string Short)[] Rules =
        [.. Abbreviations.Select(a => (new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(a.Long) + @"(?![\p{L}\p{N}])", RegexOptions.CultureInvariant), a.Short))];

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>The subject's key, or null for no subject (or one with no letters or digits).</summary>
    public static string? Of(string? subject)
    {
        if (subject is null)
        {
            return null;
        }

        var key = Spaces().Replace(subject.Normalize(NormalizationForm.FormC).ToLowerInvariant(), " ").Trim().TrimEnd('.', ',', ';', ':', ' ');
        foreach (var (pattern, replacement) in Rules)
        {
            key = pattern.Replace(key, replacement);
        }

        // The key is '|'-separated: a bar inside a subject would split it.
        key = key.Replace('|', '/');
        return key.Any(char.IsLetterOrDigit) ? key : null;
    }
}
