using System.Text.RegularExpressions;
using Pipeline.Core;

namespace Pipeline.Extraction.Numbers;

/// <summary>
/// The numbers layer: finds every number in a clean text with its value, scale, unit, range and
/// bound, and sets aside the numbers that are never figures (dates, codes, names, durations)
/// with the reason. Pure: text in, records out.
/// </summary>
public static partial class QuantityRecognizer
{
    // Digits, or a decimal part with no whole part (",77"); a letter right before is checked after the match.
    [GeneratedRegex(@"(?<![\d_])(?:\d+(?:[.,]\d+)*|(?<![.,\d]),\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex DigitToken();

    [GeneratedRegex(@"\G\(\d{1,2}\)", RegexOptions.CultureInvariant)]
    private static partial Regex Footnote();

    private static readonly Regex RateAfterNoun = new(
        @"\G((?:\s+\p{L}+){1,3})/(?:" + string.Join('|', Lexicon.RatePeriods.Select(Fold)) + ")", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex SpelledRatio = new(
        @"\b" + Fold(Lexicon.RatioWord) + @"\s+(" + string.Join('|', Lexicon.SpelledRatios.Keys.Select(Fold)) + @")\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Dictionary<string, decimal> SpelledRatios = Lexicon.SpelledRatios.ToDictionary(kv => Fold(kv.Key), kv => kv.Value);

    private static readonly UnitWord[] UnitsLongestFirst = Lexicon.UnitWords
        .Select(u => u with { Written = Fold(u.Written) })
        .OrderByDescending(u => u.Written.Length).ToArray();

    private static readonly (string Word, decimal Factor)[] ScalesLongestFirst = Lexicon.Scales
        .Select(kv => (Fold(kv.Key), kv.Value)).OrderByDescending(s => s.Item1.Length).ToArray();

    private static readonly (string Words, Approx? Approx, bool Requirement)[] ChainLongestFirst = Lexicon.Qualifiers
        .Select(kv => (Fold(kv.Key), (Approx?)kv.Value, false))
        .Concat(Lexicon.ChainWords.Select(w => (Fold(w), (Approx?)null, false)))
        .Concat(Lexicon.RequirementWords.Select(kv => (Fold(kv.Key), (Approx?)kv.Value, true)))
        .OrderByDescending(x => x.Item1.Length).ToArray();

    // The tables by the character a match must have at the position looked at: a chain word ends right before the number.
    private static readonly CharBuckets<(string Words, Approx? Approx, bool Requirement)> ChainByLastChar = new(ChainLongestFirst, c => c.Words[^1]);
    private static readonly CharBuckets<(string Word, decimal Factor)> ScalesByFirstChar = new(ScalesLongestFirst, s => s.Word[0]);
    private static readonly CharBuckets<UnitWord> UnitsByFirstChar = new(UnitsLongestFirst, u => u.Written[0]);

    private static readonly HashSet<string> NamingWords = Lexicon.NamingWords.Select(Fold).ToHashSet();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NamingLookup = NamingWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string> TimeWords = Lexicon.TimeWords.Select(Fold).ToHashSet();
    private static readonly string[] MoneyCues = Lexicon.MoneyCues.Select(Fold).ToArray();
    private static readonly CharBuckets<string> NotUnits = new(Lexicon.NotUnits.Select(Fold), w => w[0]);
    private static readonly (string Per, string Name)[] PerUnitsLongestFirst = Lexicon.PerUnits.OrderByDescending(p => p.Key.Length).Select(p => (Fold(p.Key), p.Value)).ToArray();
    private static readonly string[] Negations = Lexicon.Negations.Select(Fold).ToArray();
    private static readonly string[] NegativeWords = Lexicon.NegativeWords.Select(Fold).ToArray();
    private static readonly HashSet<string> DecimalWords = Lexicon.DecimalWords.Select(Fold).ToHashSet();
    private static readonly (string Words, Approx Approx)[] TrailingBounds = Lexicon.TrailingBounds.Select(kv => (Fold(kv.Key), kv.Value)).ToArray();
    private static readonly (string Opener, string[] Joiners)[] RangeOpeners = Lexicon.RangeOpeners.Select(kv => (Fold(kv.Key), kv.Value.Select(Fold).ToArray())).ToArray();
    private static readonly string[] RangeJoiners = Lexicon.RangeJoiners.Select(Fold).ToArray();
    private static readonly UnitWord[] CurrencyBefore = Lexicon.CurrencyBefore.Select(u => u with { Written = Fold(u.Written) }).OrderByDescending(u => u.Written.Length).ToArray();
    private static readonly CharBuckets<UnitWord> CurrencyByLastChar = new(CurrencyBefore, c => c.Written[^1]);
    private static readonly string CentJoiner = Fold(Lexicon.CentJoiner);
    private static readonly string[] NotNaming = Lexicon.NotNaming.Select(Fold).ToArray();
    private static readonly string[] EstimateLeads = Lexicon.EstimateLeads.Select(Fold).ToArray();
    private static readonly string[] RuleConditions = Lexicon.RuleConditions.Select(Fold).ToArray();
    private static readonly (string Word, int Max)[] CalendarSlots = Lexicon.CalendarSlots.Select(kv => (Fold(kv.Key), kv.Value)).ToArray();
    private static readonly HashSet<string> YearLeads = Lexicon.YearLeads.Select(Fold).ToHashSet();
    private static readonly string Five = Fold(Lexicon.Five);

    private static readonly HashSet<string> CountingUnits =
        [Units.Project, Units.Worker, Units.Enterprise, Units.Procedure, Units.Item, Units.Tonne, Units.Hectare];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpelledLookup =
        SpelledNumber.Words.ToHashSet().GetAlternateLookup<ReadOnlySpan<char>>();

    // Most words of a text are not number words: most are told so by their length and end letters, with no hash.
    private static readonly Text.WordFilter SpelledFilter = new(SpelledNumber.Words);

    private static string Fold(string s) => Text.MatchKey.Fold(s);

    private const decimal MaxFactor = 1_000_000_000_000_000m; // triệu tỷ, 10¹⁵

    private static readonly string Hundred = Fold(Lexicon.Hundred);
    private static readonly string PercentWords = Fold(Lexicon.PercentPhrase);
    private static readonly string One = Fold(Lexicon.One);
    private static readonly HashSet<string> NameListJoiners = Lexicon.NameListJoiners.Select(Fold).ToHashSet();

    /// <summary>A number as written: digits (Value null) or number words (their Value).</summary>
    private readonly record struct NumberToken(int Index, int End, decimal? Spelled, bool Complex);

    public static NumberScan Scan(string clean, string key)
    {
        var traps = new TrapCursor(FindTraps(key));
        var digits = MergeSpaceGroups(key, DigitTokens(key));
        var style = VoteStyle(key, digits);
        var tokens = InTextOrder(digits, SpelledTokens(key));
        var quantities = new List<Quantity>();
        var skipped = new List<SkippedNumber>();
        var lastNameEnd = -10;
        var consumed = 0;

        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var (start, end) = (token.Index, token.End);
            if (start < consumed)
            {
                continue; // part of the number before it: its cents, its decimals, the end of its range
            }

            var raw = clean[start..end];
            var spelled = token.Spelled is not null;
            if (traps.At(start) is { } trapReason)
            {
                if (!spelled)
                {
                    skipped.Add(new SkippedNumber(start, end, raw, trapReason));
                }

                continue;
            }

            var (prevStart, prevEnd) = WordReader.BeforeSpan(key, start, 3, throughColon: true);
            var naming = NamingSuffix(key.AsSpan(prevStart, prevEnd - prevStart));
            if (naming is not null && !NotThatDate(naming, raw))
            {
                skipped.Add(new SkippedNumber(start, end, raw, $"follows '{naming}': a name, date, ordinal or page counter"));
                lastNameEnd = end;
                continue;
            }

            if (!spelled && end - start >= 8 && AllAsciiDigits(raw))
            {
                skipped.Add(new SkippedNumber(start, end, raw, "a long ungrouped digit run: an identifier or code"));
                continue;
            }

            var parsed = spelled ? new ParsedDigits(token.Spelled!.Value, false, false, null) : DigitParser.Parse(raw[0] == ',' ? "0" + raw : raw, style);
            if (parsed.Malformed)
            {
                skipped.Add(new SkippedNumber(start, end, raw, "malformed digit grouping"));
                continue;
            }

            // "2 chấm 23 đô la", "một chấm ba": a decimal mark written as a word.
            var wholeEnd = end;
            if ((spelled || AllAsciiDigits(raw)) && DecimalPart(key, tokens, t, end) is { } fraction)
            {
                parsed = parsed with { Value = parsed.Value + fraction.Value };
                end = fraction.End;
            }

            var read = ReadAfter(clean, key, end, parsed.Value);
            if (read.GluedCode)
            {
                skipped.Add(new SkippedNumber(start, wholeEnd, raw, "digits glued to letters: a code or name"));
                continue;
            }

            var low = parsed.Value;
            decimal? high = null;
            var numberEnd = end;
            var ambiguous = parsed.Ambiguous;
            var next = NextToken(tokens, t, read.End);

            // "12 tỷ 500 triệu đồng", "2 triệu 300 nghìn đồng": one amount written in two scales.
            if (!spelled && read.Unit is null && read.Factor >= 1_000_000m && next >= 0 && tokens[next].Spelled is null
                && key.AsSpan(read.End, tokens[next].Index - read.End).IsWhiteSpace())
            {
                var (s2, e2) = (tokens[next].Index, tokens[next].End);
                var second = DigitParser.Parse(clean[s2..e2], style);
                var read2 = ReadAfter(clean, key, e2, second.Value);
                if (!second.Malformed && !read2.GluedCode && read2.Factor > 1 && read2.Factor < read.Factor && second.Value * read2.Factor < read.Factor)
                {
                    read = read2 with { Value = read.Value + read2.Value, Factor = read.Factor };
                    low = read.Value / read.Factor;
                    numberEnd = e2;
                    ambiguous |= second.Ambiguous;
                    next = NextToken(tokens, next, read.End);
                }
            }

            // "2 đô 23 xu", "20 Rupees 43", "1 đô la và bốn mươi hai xen": whole units, then cents.
            if (read.Unit is { } money && Lexicon.CentCurrencies.Contains(money) && read.Factor == 1 && CentsAfter(key, tokens, t, read.End) is { } cents)
            {
                read = read with { Value = read.Value + cents.Value / 100m, End = cents.End };
                low = read.Value;
                next = NextToken(tokens, t, read.End);
            }

            var lead = CurrencyLead(key, start, consumed, out var unitBefore);
            var rangeStart = RangeStart(key, lead, out var joiners);

            // A range: "2-3 dự án", "60%-70%", "từ 60 đến 70%", "giữa 1000 và 2000 đồng", "VND1000-VND2000".
            if (next >= 0 && RangeConnector(key, read.End, read.Unit ?? unitBefore, tokens[next].Index, joiners, ApproxBefore(key, rangeStart)) is { } secondLead)
            {
                var (s2, e2) = (tokens[next].Index, tokens[next].End);
                var spelled2 = tokens[next].Spelled;
                var second = spelled2 is { } v2 ? new ParsedDigits(v2, false, false, null) : DigitParser.Parse(clean[s2..e2][0] == ',' ? "0" + clean[s2..e2] : clean[s2..e2], style);
                var secondEnd = e2;
                if ((spelled2 is not null || AllAsciiDigits(clean[s2..e2])) && DecimalPart(key, tokens, next, e2) is { } fraction2)
                {
                    second = second with { Value = second.Value + fraction2.Value };
                    secondEnd = fraction2.End;
                }

                var read2 = ReadAfter(clean, key, secondEnd, second.Value);
                var unit2 = read2.Unit ?? secondLead.Unit;
                var firstScale = read.Factor == 1 ? read2.Factor : read.Factor;
                var firstValue = read.Factor == 1 ? read.Value : parsed.Value;
                var unit1 = read.Unit ?? unitBefore;
                if (!second.Malformed && !read2.GluedCode && (unit1 is null || unit2 is null || unit1 == unit2)
                    && firstValue <= decimal.MaxValue / firstScale && (joiners is not null || secondLead.Joined || read.Unit is null && unit2 is not null))
                {
                    low = firstValue * firstScale;
                    high = read2.Value;
                    read = read2 with { Value = low, Unit = unit2 ?? unit1 };
                    numberEnd = secondEnd;
                    ambiguous |= second.Ambiguous;
                    unitBefore = null;
                }
            }

            var sign = SignBefore(clean, key, lead, read.End, out var signStart);
            if (sign < 0)
            {
                low = -low;
                high = -high;
                read = read with { Value = -read.Value };
                rangeStart = RangeStart(key, signStart, out _);
            }

            var value = high is null ? read.Value : low;
            var unit = read.Unit ?? unitBefore;
            var inferred = false;
            if (unit is null && read.Factor >= 1_000_000m && HasMoneyCue(key, start))
            {
                unit = Units.Vnd; // FIGURES.md: a bare "tỷ" in a money clause is VND
                inferred = true;
            }

            var (qStart, approx, qualifier, requirement) = ReadQualifiers(key, rangeStart);
            var standalone = Standalone(key, Math.Min(qStart, rangeStart), read.End);
            if (spelled && !SpelledIsNumber(key, tokens, t, unit, read.Factor, high is not null, standalone))
            {
                continue; // "ba" the father, "một" the article, "không" the negation: words, not numbers
            }

            if (unit is null && read.Factor == 1 && high is null && !spelled && !standalone)
            {
                var why = BareNumberTrap(clean, key, start, end, raw, read.End, lastNameEnd);
                if (why is not null)
                {
                    skipped.Add(new SkippedNumber(start, end, raw, why));
                    if (why.StartsWith("numbered name", StringComparison.Ordinal))
                    {
                        lastNameEnd = end;
                    }

                    continue;
                }
            }
            else if (spelled && unit is null && read.Factor == 1 && high is null && TimeAfter(key, read.End))
            {
                skipped.Add(new SkippedNumber(start, end, raw, "a duration or a date part"));
                continue;
            }

            // "tăng 12% trở lên", "từ 7000 đồng trở xuống": at least or at most that much.
            var quantityEnd = read.End;
            var afterUnit = WordReader.SkipSpaces(key, read.End);
            foreach (var (words, bound) in TrailingBounds)
            {
                if (WordReader.StartsAt(key, afterUnit, words) && approx is Approx.Exact || WordReader.StartsAt(key, afterUnit, words) && approx == bound)
                {
                    approx = bound;
                    quantityEnd = afterUnit + words.Length;
                    break;
                }
            }

            var spanStart = Math.Min(qStart, rangeStart);
            var quantity = new Quantity
            {
                Start = spanStart,
                End = quantityEnd,
                Text = clean[spanStart..quantityEnd],
                NumberStart = start,
                NumberEnd = numberEnd,
                Value = DigitParser.Tidy(value),
                ValueMax = high is null ? null : DigitParser.Tidy(high.Value),
                Unit = unit ?? Units.Count,
                Approx = approx,
                Qualifier = qualifier,
                Factor = read.Factor,
                UnitInferred = inferred,
                Ambiguous = ambiguous,
                Counted = read.Unit == Units.Count,
                Spelled = spelled,
            };
            consumed = quantityEnd;

            if (requirement)
            {
                skipped.Add(new SkippedNumber(start, read.End, clean[start..read.End], "a requirement quoted from a rule") { Reading = quantity });
                continue;
            }

            if (approx is Approx.Under or Approx.Over && UnderRuleCondition(key, qStart))
            {
                skipped.Add(new SkippedNumber(start, read.End, clean[start..read.End], "a threshold in a rule's condition") { Reading = quantity });
                continue;
            }

            quantities.Add(quantity);
        }

        foreach (Match m in SpelledRatio.Matches(key))
        {
            var g = m.Groups[1];
            quantities.Add(new Quantity
            {
                Start = g.Index,
                End = g.Index + g.Length,
                Text = clean[g.Index..(g.Index + g.Length)],
                NumberStart = g.Index,
                NumberEnd = g.Index + g.Length,
                Value = SpelledRatios[g.Value],
                Unit = Units.Times,
                Spelled = true,
            });
        }

        quantities.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new NumberScan(quantities, skipped, style);
    }

    private readonly record struct AfterNumber(decimal Value, decimal Factor, string? Unit, int End, bool GluedCode);

    /// <summary>Scale words, then a unit and an optional "/per" rate, right after the digits.</summary>
    private static AfterNumber ReadAfter(string clean, string key, int end, decimal value)
    {
        var factor = 1m;
        var i = end;
        var footnote = Footnote().Match(key, i);
        if (footnote.Success && footnote.Index == i)
        {
            i += footnote.Length; // "110.764(1) triệu đồng": the marker sits between number and unit
        }

        // "100K", "3M", "1,2M", ",0012G": a scale letter glued to the digits, as written (a lone "m" is metres).
        if (i == end && i < clean.Length && Lexicon.GluedScales.TryGetValue(clean[i], out var glued)
            && (i + 1 == clean.Length || !char.IsLetter(clean[i + 1])))
        {
            factor = glued;
            i++;
        }

        var gluedLetters = i == end && i < key.Length && char.IsLetter(key[i]);
        var consumedScale = true;
        while (consumedScale)
        {
            consumedScale = false;
            var j = WordReader.SkipSpaces(key, i);
            foreach (var (word, f) in ScalesByFirstChar.StartingAt(key, j))
            {
                if (WordReader.StartsAt(key, j, word))
                {
                    // "phần trăm" is a unit, not a scale; "trăm" straight after digits is.
                    if (word == Hundred && WordReader.StartsAt(key, WordReader.SkipSpaces(key, j + word.Length), PercentWords))
                    {
                        break;
                    }

                    if (factor * f > MaxFactor)
                    {
                        break; // "tỷ tỷ" is a slip, not 10¹⁸: no bulletin stacks beyond "triệu tỷ"
                    }

                    factor *= f;
                    i = j + word.Length;
                    consumedScale = true;
                    break;
                }
            }
        }

        string? unit = null;
        var u = WordReader.SkipSpaces(key, i);
        if (!NotAUnit(key, u))
        {
            foreach (var w in UnitsByFirstChar.StartingAt(key, u))
            {
                if (WordReader.StartsAt(key, u, w.Written))
                {
                    unit = w.Unit;
                    i = u + w.Written.Length;
                    break;
                }
            }
        }

        if (gluedLetters && i == end + (footnote.Success && footnote.Index == end ? footnote.Length : 0))
        {
            return new AfterNumber(value, 1, null, end, true);
        }

        // "15.000 tấn sợi/năm": a capacity names its product before the rate.
        if (unit is Units.Tonne or Units.Item or Units.CubicMetre)
        {
            var rate = RateAfterNoun.Match(key, i);
            if (rate.Success && rate.Index == i)
            {
                i += rate.Groups[1].Length;
            }
        }

        // "USD/m2", "m3/ngày đêm", "USD/m2/năm"
        if (unit is not null && unit != Units.Percent)
        {
            for (var depth = 0; depth < 2 && i < key.Length && key[i] == '/'; depth++)
            {
                var matched = false;
                foreach (var (folded, name) in PerUnitsLongestFirst)
                {
                    if (WordReader.StartsAt(key, i + 1, folded))
                    {
                        unit += "/" + name;
                        i += 1 + folded.Length;
                        matched = true;
                        break;
                    }
                }

                if (!matched)
                {
                    break;
                }
            }
        }

        return value > decimal.MaxValue / factor
            ? new AfterNumber(value, 1, null, end, true) // too large to be an amount: set aside as a code
            : new AfterNumber(value * factor, factor, unit, i, false);
    }

    /// <summary>"hai đồng chí", "ba đô thị": a unit word that starts another word here.</summary>
    private static bool NotAUnit(string key, int at)
    {
        foreach (var phrase in NotUnits.StartingAt(key, at))
        {
            if (WordReader.StartsAt(key, at, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What stands between the first number of a range and the second: the second's own currency prefix, and whether a joiner word was used.</summary>
    private readonly record struct SecondLead(string? Unit, bool Joined);

    /// <summary>
    /// Whether a range joins the number ending at <paramref name="afterFirst"/> to the one at <paramref name="nextStart"/>:
    /// a dash ("2-3 dự án"), the opener's joiner ("từ 60 đến 70%", "giữa 1000 và 2000"), or "đến"/"tới" after "khoảng".
    /// The second number may carry its currency in front ("VND1000-VND2000").
    /// </summary>
    private static SecondLead? RangeConnector(string key, int afterFirst, string? firstUnit, int nextStart, string[]? joiners, Approx approxBefore)
    {
        var i = WordReader.SkipSpaces(key, afterFirst);
        var prefix = CurrencyLead(key, nextStart, 0, out var prefixUnit);
        if (prefixUnit is not null && firstUnit is not null && prefixUnit != firstUnit)
        {
            return null;
        }

        if (i < key.Length && key[i] is '-' or '–' or '—' && WordReader.SkipSpaces(key, i + 1) == prefix)
        {
            return new SecondLead(prefixUnit, false);
        }

        foreach (var w in joiners ?? (approxBefore == Approx.About ? RangeJoiners : []))
        {
            if (WordReader.StartsAt(key, i, w) && WordReader.SkipSpaces(key, i + w.Length) == prefix)
            {
                return new SecondLead(prefixUnit, joiners is not null);
            }
        }

        return null;
    }

    /// <summary>Where a range's opener ("từ", "giữa") starts before the number, and the joiners it takes; the number's own start if none.</summary>
    private static int RangeStart(string key, int start, out string[]? joiners)
    {
        foreach (var (opener, words) in RangeOpeners)
        {
            var at = WordReader.PhraseEndingAt(key, start, opener);
            if (at >= 0)
            {
                joiners = words;
                return at;
            }
        }

        joiners = null;
        return start;
    }

    private static Approx ApproxBefore(string key, int start) => ReadQualifiers(key, start).Approx;

    /// <summary>The next token that starts at or after <paramref name="from"/>, or -1.</summary>
    private static int NextToken(List<NumberToken> tokens, int t, int from)
    {
        for (var k = t + 1; k < tokens.Count; k++)
        {
            if (tokens[k].Index >= from)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>"chấm 23", "phẩy 1", "chấm ba" right after a whole number: its decimals, and where they end.</summary>
    private static (decimal Value, int End)? DecimalPart(string key, List<NumberToken> tokens, int t, int end)
    {
        var w = WordReader.SkipSpaces(key, end);
        var wordEnd = w;
        while (wordEnd < key.Length && char.IsLetter(key[wordEnd]))
        {
            wordEnd++;
        }

        if (wordEnd == w || !DecimalWords.Contains(key[w..wordEnd]))
        {
            return null;
        }

        var k = NextToken(tokens, t, wordEnd);
        if (k < 0 || tokens[k].Index != WordReader.SkipSpaces(key, wordEnd))
        {
            return null;
        }

        var next = tokens[k];
        if (next.Spelled is { } spelled)
        {
            // "một chấm ba": one spelled digit after the mark is a tenth.
            return spelled is > 0 and < 10 && !next.Complex ? (spelled / 10m, next.End) : null;
        }

        var digits = key[next.Index..next.End];
        if (!AllAsciiDigits(digits))
        {
            return null;
        }

        var fraction = decimal.Parse("0." + digits, System.Globalization.CultureInfo.InvariantCulture);
        return (fraction, next.End);
    }

    /// <summary>The cents after whole units of money: "23 xen", "và 42 xu", "và bốn mươi hai xen", or a bare "23" ending the phrase.</summary>
    private static (decimal Value, int End)? CentsAfter(string key, List<NumberToken> tokens, int t, int end)
    {
        var i = WordReader.SkipSpaces(key, end);
        var joined = WordReader.StartsAt(key, i, CentJoiner);
        if (joined)
        {
            i = WordReader.SkipSpaces(key, i + CentJoiner.Length);
        }

        var k = NextToken(tokens, t, i);
        if (k < 0 || tokens[k].Index != i || i == end)
        {
            return null;
        }

        var token = tokens[k];
        decimal cents;
        if (token.Spelled is { } spelled)
        {
            cents = spelled;
        }
        else
        {
            var digits = key[token.Index..token.End];
            if (digits.Length > 2 || !AllAsciiDigits(digits))
            {
                return null;
            }

            cents = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (cents is < 1 or > 99)
        {
            return null;
        }

        var after = WordReader.SkipSpaces(key, token.End);
        foreach (var w in UnitsLongestFirst)
        {
            if (w.Unit == Lexicon.Cent && WordReader.StartsAt(key, after, w.Written))
            {
                return (cents, after + w.Written.Length);
            }
        }

        // Without a cent word the number must end the phrase ("hai đô 23"), and "và" needs one.
        return !joined && (after == key.Length || key[after] is '.' or ',' or ';' or '\n' or ')') ? (cents, token.End) : null;
    }

    /// <summary>
    /// A currency written before the number ("$10", "VN$1000", "USD1,23", "EUR 20", "Rs. 20", "£9"): where it starts,
    /// or the number's own start. A code that is the unit of the number before it ("500 triệu USD 25 dự án") is not.
    /// </summary>
    private static int CurrencyLead(string key, int start, int consumed, out string? unit)
    {
        unit = null;
        for (var gap = 0; gap <= 1; gap++)
        {
            var end = start - gap;
            if (end < 0 || (gap == 1 && key[end] != ' '))
            {
                continue;
            }

            foreach (var c in end == 0 ? [] : CurrencyByLastChar.At(key[end - 1]))
            {
                var at = end - c.Written.Length;
                if (at < consumed || at < 0 || string.CompareOrdinal(key, at, c.Written, 0, c.Written.Length) != 0)
                {
                    continue;
                }

                if (at > 0 && char.IsLetterOrDigit(key[at - 1]) || at > 0 && key[at - 1] == '$')
                {
                    continue;
                }

                // "triệu USD 25": a code right after a number or scale belongs to that number.
                if (char.IsLetter(c.Written[0]) && gap == 1 && AfterAmount(key, at))
                {
                    continue;
                }

                unit = c.Unit;
                return at;
            }
        }

        return start;
    }

    private static bool AfterAmount(string key, int at)
    {
        var before = WordReader.Before(key, at, 1);
        return before.Length > 0 && (char.IsAsciiDigit(before[^1]) || ScalesLongestFirst.Any(s => s.Word == before));
    }

    /// <summary>
    /// A minus sign or "âm" before the number: "-1200000", "- 1.200.000", "âm 1.200.000", "(-5%)". A dash after a name
    /// ("Covid-19", "CN-05") is no sign, nor is a list dash before a line of text ("- 25 dự án cấp mới").
    /// </summary>
    private static int SignBefore(string clean, string key, int start, int end, out int signStart)
    {
        signStart = start;
        foreach (var word in NegativeWords)
        {
            var at = WordReader.PhraseEndingAt(key, start, word);
            if (at >= 0)
            {
                signStart = at;
                return -1;
            }
        }

        var i = start;
        var spaced = i > 0 && key[i - 1] == ' ';
        if (spaced)
        {
            i--;
        }

        if (i == 0 || key[i - 1] is not ('-' or '−'))
        {
            return 1;
        }

        var dash = i - 1;
        var b = dash;
        while (b > 0 && key[b - 1] == ' ')
        {
            b--;
        }

        if (b > 0 && (char.IsLetterOrDigit(key[b - 1]) || key[b - 1] is '-' or '/' or '.'))
        {
            return 1;
        }

        var lineStart = b == 0 || key[b - 1] == '\n';
        if (spaced && lineStart && !LineEndsAt(clean, end))
        {
            return 1; // "- 25 dự án ...": a list dash
        }

        signStart = dash;
        return -1;
    }

    private static bool LineEndsAt(string clean, int end)
    {
        var i = end;
        while (i < clean.Length && clean[i] is ' ' or '\t' or '.')
        {
            i++;
        }

        return i == clean.Length || clean[i] == '\n';
    }

    /// <summary>Whether the number is all its line holds (a table cell, a lone value): "không", "hai", "trăm".</summary>
    private static bool Standalone(string key, int start, int end)
    {
        var b = start;
        while (b > 0 && key[b - 1] is ' ' or '\t')
        {
            b--;
        }

        return (b == 0 || key[b - 1] == '\n') && LineEndsAt(key, end);
    }

    /// <summary>
    /// Whether number words are a number here: with a unit or scale after them, in a range, as a compound ("hai mươi",
    /// "mười bốn"), or alone on their line. "một" before a thing counted is "a", not one ("một dự án của Nhật Bản");
    /// "năm" after "trong", "cả" is the year.
    /// </summary>
    private static bool SpelledIsNumber(string key, List<NumberToken> tokens, int t, string? unit, decimal factor, bool range, bool standalone)
    {
        var token = tokens[t];
        var word = key[token.Index..token.End];
        var before = WordReader.Before(key, token.Index, 1);
        if (before == Fold(Lexicon.RatioWord))
        {
            return false; // "gấp ba": a ratio, read by its own rule
        }

        if (word == Five && YearLeads.Contains(before))
        {
            return false;
        }

        if (standalone)
        {
            return true;
        }

        if (token.Spelled == 0)
        {
            return false;
        }

        if (word == One && factor == 1 && !range && (unit is null || CountingUnits.Contains(unit) || unit == Units.Count))
        {
            return false;
        }

        return unit is not null || factor > 1 || range || token.Complex;
    }

    private static bool TimeAfter(string key, int after)
    {
        var next = WordReader.SkipSpaces(key, after);
        foreach (var w in TimeWords)
        {
            if (WordReader.StartsAt(key, next, w))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The digit tokens of a text; digits glued after letters count only after a currency code ("USD1,23", "Rs20").</summary>
    private static List<(int Index, int End)> DigitTokens(string key)
    {
        var tokens = new List<(int, int)>();
        foreach (var m in DigitToken().EnumerateMatches(key))
        {
            if (m.Index > 0 && char.IsLetter(key[m.Index - 1]))
            {
                var w = m.Index;
                while (w > 0 && char.IsLetter(key[w - 1]))
                {
                    w--;
                }

                var word = key[w..m.Index];
                if (!CurrencyBefore.Any(c => c.Written == word) || w > 0 && char.IsLetterOrDigit(key[w - 1]))
                {
                    continue;
                }
            }

            // ",77" stands alone only after a space, a line start, a sign or a currency.
            if (key[m.Index] == ',' && m.Index > 0 && key[m.Index - 1] is not (' ' or '\n' or '-' or '−' or '$' or '('))
            {
                continue;
            }

            tokens.Add((m.Index, m.Index + m.Length));
        }

        return tokens;
    }

    /// <summary>Digit and word tokens in one list by position (a digit token first on a tie, which cannot happen: one starts with a digit, the other with a letter).</summary>
    private static List<NumberToken> InTextOrder(List<(int Index, int End)> digits, List<NumberToken> spelled)
    {
        var tokens = new List<NumberToken>(digits.Count + spelled.Count);
        var (d, w) = (0, 0);
        while (d < digits.Count || w < spelled.Count)
        {
            if (w == spelled.Count || d < digits.Count && digits[d].Index <= spelled[w].Index)
            {
                tokens.Add(new NumberToken(digits[d].Index, digits[d].End, null, false));
                d++;
            }
            else
            {
                tokens.Add(spelled[w++]);
            }
        }

        return tokens;
    }

    /// <summary>Runs of number words, each the longest that reads as one number: "hai mươi mốt nghìn không trăm mười một".</summary>
    private static List<NumberToken> SpelledTokens(string key)
    {
        var found = new List<NumberToken>();
        var words = new List<(int Index, int End)>();
        var i = 0;
        while (i < key.Length)
        {
            if (!Text.CharKinds.IsLetter(key[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < key.Length && Text.CharKinds.IsLetter(key[end]))
            {
                end++;
            }

            // Only number words are kept: a run is of number words one space apart, so a word between two of them
            // already parts them (their offsets are not one space apart), and the list stays short.
            if (SpelledFilter.MayContain(key.AsSpan(i, end - i)) && SpelledLookup.Contains(key.AsSpan(i, end - i)))
            {
                words.Add((i, end));
            }

            i = end;
        }

        for (var w = 0; w < words.Count; w++)
        {
            if (words[w].Index > 0 && key[words[w].Index - 1] is '/' or '-' or '_' or '.' || words[w].Index > 0 && char.IsDigit(key[words[w].Index - 1]))
            {
                continue;
            }

            // The run: number words one space apart.
            var run = new List<string> { key[words[w].Index..words[w].End] };
            var last = w;
            while (last + 1 < words.Count && words[last + 1].Index == words[last].End + 1 && key[words[last].End] == ' '
                   && SpelledLookup.Contains(key.AsSpan(words[last + 1].Index, words[last + 1].End - words[last + 1].Index)))
            {
                last++;
                run.Add(key[words[last].Index..words[last].End]);
            }

            if (SpelledNumber.ReadPrefix(run) is { } read)
            {
                var endWord = w + read.Count - 1;
                found.Add(new NumberToken(words[w].Index, words[endWord].End, read.Value, read.Count > 1));
                w = endWord;
            }
        }

        return found;
    }

    /// <summary>Reads the chain of qualifier words right before a number; the nearest bound wins.</summary>
    private static (int Start, Approx Approx, string? Word, bool Requirement) ReadQualifiers(string key, int numberStart)
    {
        var cursor = numberStart;
        var start = numberStart;
        Approx? approx = null;
        string? word = null;
        for (var steps = 0; steps < 5; steps++)
        {
            var matched = false;
            var last = cursor;
            while (last > 0 && key[last - 1] == ' ')
            {
                last--;
            }

            foreach (var (words, a, requirement) in last == 0 ? [] : ChainByLastChar.At(key[last - 1]))
            {
                var at = WordReader.PhraseEndingAt(key, cursor, words);
                if (at < 0)
                {
                    continue;
                }

                if (requirement && approx is null)
                {
                    return (at, a ?? Approx.Exact, words, true);
                }

                if (a is not null && approx is null)
                {
                    approx = a;
                    word = words;
                    start = at;
                    // "không ít hơn" is over, "không hơn" under: a negation turns the bound around.
                    foreach (var negation in Negations)
                    {
                        var negated = WordReader.PhraseEndingAt(key, at, negation);
                        if (negated >= 0 && a is Approx.Over or Approx.Under)
                        {
                            approx = a == Approx.Over ? Approx.Under : Approx.Over;
                            word = negation + " " + words;
                            start = at = negated;
                            break;
                        }
                    }
                }
                else if (a is null && StartsWithAny(words, EstimateLeads))
                {
                    start = at; // keep "ước đạt" in the figure's text: it sets the estimate flag
                }

                cursor = at;
                matched = true;
                break;
            }

            if (!matched)
            {
                break;
            }
        }

        return (start, approx ?? Approx.Exact, word, false);
    }

    /// <summary>
    /// A number after a calendar word that cannot be that date ("cả năm 6.750 tỷ đồng": a grouped or decimal
    /// number, or one too large for the slot) is an amount that follows the period, not the period itself.
    /// </summary>
    private static bool NotThatDate(string naming, string raw)
    {
        var slot = -1;
        for (var i = 0; i < CalendarSlots.Length && slot < 0; i++)
        {
            slot = CalendarSlots[i].Word == naming ? i : -1;
        }
        if (slot < 0)
        {
            return false;
        }

        return !AllAsciiDigits(raw) || raw.Length > 4 || int.Parse(raw, System.Globalization.CultureInfo.InvariantCulture) > CalendarSlots[slot].Max;
    }

    /// <summary>Whether the clause before a qualified number ("dưới 20 ha") names the projects a rule applies to.</summary>
    private static bool UnderRuleCondition(string key, int start)
    {
        var from = Math.Max(0, start - 60);
        var clause = key.AsSpan(from, start - from);
        var cut = Math.Max(clause.LastIndexOf(". "), Math.Max(clause.LastIndexOf(';'), clause.LastIndexOf('\n')));
        if (cut >= 0)
        {
            clause = clause[(cut + 1)..];
        }

        foreach (var condition in RuleConditions)
        {
            if (clause.Contains(condition, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Helpers written as loops: a lambda here captured a local and cost an allocation per number or per chain word.
    private static bool AllAsciiDigits(string text) => !text.AsSpan().ContainsAnyExceptInRange('0', '9');

    private static bool StartsWithAny(string words, string[] leads)
    {
        foreach (var lead in leads)
        {
            if (words.StartsWith(lead, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? NamingSuffix(string key, (int Start, int End) words) => NamingSuffix(key.AsSpan(words.Start, words.End - words.Start));

    /// <summary>The naming word that ends the words before a number (up to three words, one space apart), or null.</summary>
    private static string? NamingSuffix(ReadOnlySpan<char> previousWords)
    {
        if (previousWords.Length == 0)
        {
            return null;
        }

        foreach (var w in NotNaming)
        {
            if (previousWords.EndsWith(w, StringComparison.Ordinal))
            {
                return null;
            }
        }

        // The last three, two, then one words: each suffix starts after a space (the words are one space apart).
        Span<int> starts = stackalloc int[3];
        var parts = 0;
        for (var i = previousWords.Length; parts < 3;)
        {
            var space = previousWords[..i].LastIndexOf(' ');
            starts[parts++] = space + 1;
            if (space < 0)
            {
                break;
            }

            i = space;
        }

        for (var n = parts; n >= 1; n--)
        {
            if (NamingLookup.TryGetValue(previousWords[starts[n - 1]..], out var suffix))
            {
                return suffix;
            }
        }

        return null;
    }

    private static string? BareNumberTrap(string clean, string key, int start, int end, string raw, int after, int lastNameEnd)
    {
        var next = WordReader.SkipSpaces(key, after);
        foreach (var w in TimeWords)
        {
            if (WordReader.StartsAt(key, next, w))
            {
                return "a duration or a date part";
            }
        }

        if (raw.Length == 4 && AllAsciiDigits(raw) && raw[0] is '1' or '2' && int.Parse(raw) is >= 1900 and <= 2100)
        {
            return "a year";
        }

        if (raw.Length <= 3 && AllAsciiDigits(raw))
        {
            // "KCN Trà Nóc 2", "Sơn Mỹ 1, 2": a small bare number right after a capitalised word names something.
            var w = start;
            while (w > 0 && key[w - 1] == ' ')
            {
                w--;
            }

            if (w < start && w > 0 && char.IsLetter(clean[w - 1]))
            {
                var k = w;
                while (k > 0 && char.IsLetter(clean[k - 1]))
                {
                    k--;
                }

                var before = clean.AsSpan(0, k).TrimEnd();
                var sentenceStart = before.Length == 0 || before[^1] is '.' or '\n' or ':';
                if (char.IsUpper(clean[k]) && !sentenceStart)
                {
                    return "numbered name";
                }
            }

            if (lastNameEnd >= 0 && start - lastNameEnd is >= 0 and <= 4 && NameListJoiners.Contains(key[lastNameEnd..start].Trim()))
            {
                return "numbered name";
            }
        }

        return null;
    }

    private static bool HasMoneyCue(string key, int start)
    {
        var from = Math.Max(0, start - 120);
        var clause = key[from..start];
        var cut = clause.LastIndexOfAny(['.', ';', '\n']);
        if (cut >= 0)
        {
            clause = clause[(cut + 1)..];
        }

        foreach (var cue in MoneyCues)
        {
            var idx = clause.IndexOf(cue, StringComparison.Ordinal);
            if (idx >= 0 && (idx == 0 || !WordReader.IsWordChar(clause[idx - 1])) && (idx + cue.Length == clause.Length || !WordReader.IsWordChar(clause[idx + cue.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static List<(int Start, int End, string Reason)> FindTraps(string key)
    {
        var spans = new List<(int, int, string)>();
        var starts = new List<int>();
        foreach (var trap in Trap.All.Where(t => t.MayMatch(key)))
        {
            trap.AddMatches(key, spans, starts);
        }

        return spans;
    }

    /// <summary>Joins "12 242" into one token when a space groups thousands.</summary>
    private static List<(int Index, int End)> MergeSpaceGroups(string key, List<(int Index, int End)> tokens)
    {
        var merged = new List<(int, int)>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var (s, e) = tokens[i];
            // "tháng 6 500 lao động" is month 6 then 500 workers, not 6 500.
            var firstIsPlain = e - s <= 3 && key.AsSpan(s, e - s).IndexOfAny('.', ',') < 0 && NamingSuffix(key, WordReader.BeforeSpan(key, s, 2)) is null;
            while (firstIsPlain && i + 1 < tokens.Count && tokens[i + 1].Index == e + 1 && key[e] == ' '
                   && LeadingGroup(key, tokens[i + 1]) == 3)
            {
                e = tokens[i + 1].End;
                i++;
            }

            merged.Add((s, e));
        }

        return merged;
    }

    private static int LeadingGroup(string key, (int Index, int End) token)
    {
        var n = 0;
        while (token.Index + n < token.End && char.IsAsciiDigit(key[token.Index + n]))
        {
            n++;
        }

        // "1 142,5": the group after the space may carry the decimal part, but not further grouping.
        return n == 3 && (token.Index + n == token.End || key[token.Index + n] == ',') && key.AsSpan(token.Index + n, token.End - token.Index - n).IndexOf('.') < 0 ? 3 : -1;
    }

    private static NumberStyle VoteStyle(string key, List<(int Index, int End)> tokens)
    {
        var vn = 0;
        var en = 0;
        foreach (var (s, e) in tokens)
        {
            if (!key.AsSpan(s, e - s).ContainsAnyExceptInRange('0', '9'))
            {
                continue; // digits alone give no evidence either way
            }

            var p = DigitParser.Parse(key[s..e]);
            if (p.Evidence == NumberStyle.Vietnamese)
            {
                vn++;
            }
            else if (p.Evidence == NumberStyle.English)
            {
                en++;
            }
        }

        return en > vn ? NumberStyle.English : NumberStyle.Vietnamese;
    }
}
