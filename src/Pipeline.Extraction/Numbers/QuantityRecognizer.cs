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
    [GeneratedRegex(@"(?<![\p{L}\d_])\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex DigitToken();

    [GeneratedRegex(@"\G\(\d{1,2}\)", RegexOptions.CultureInvariant)]
    private static partial Regex Footnote();

    [GeneratedRegex(@"\G((?:\s+\p{L}+){1,3})/(?:năm|tháng|ngày)", RegexOptions.CultureInvariant)]
    private static partial Regex RateAfterNoun();

    [GeneratedRegex(@"\bgấp\s+(đôi|ba|rưỡi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpelledRatio();

    private static readonly UnitWord[] UnitsLongestFirst = Lexicon.UnitWords
        .Select(u => u with { Written = Fold(u.Written) })
        .OrderByDescending(u => u.Written.Length).ToArray();

    private static readonly (string Word, decimal Factor)[] ScalesLongestFirst = Lexicon.Scales
        .Select(kv => (Fold(kv.Key), kv.Value)).OrderByDescending(s => s.Item1.Length).ToArray();

    private static readonly (string Words, Approx? Approx, bool Requirement)[] ChainLongestFirst = Lexicon.Qualifiers
        .Select(kv => (Fold(kv.Key), (Approx?)kv.Value, false))
        .Concat(Lexicon.ChainWords.Select(w => (Fold(w), (Approx?)null, false)))
        .Concat(Lexicon.RequirementWords.Select(w => (Fold(w), (Approx?)null, true)))
        .OrderByDescending(x => x.Item1.Length).ToArray();

    private static readonly HashSet<string> NamingWords = Lexicon.NamingWords.Select(Fold).ToHashSet();
    private static readonly HashSet<string> TimeWords = Lexicon.TimeWords.Select(Fold).ToHashSet();
    private static readonly Dictionary<string, int> NumberWords = Lexicon.NumberWords.ToDictionary(kv => Fold(kv.Key), kv => kv.Value);

    private static readonly string[] MoneyCues = new[]
    {
        "vốn", "doanh thu", "ngân sách", "giá trị", "nộp", "thu", "kim ngạch", "lợi nhuận", "chi phí", "tổng mức", "giải ngân",
        "tiền", "xuất khẩu", "nhập khẩu", "đầu tư", "thuế", "chi", "trị giá",
    }.Select(Fold).ToArray();

    private static readonly HashSet<string> CountingUnits =
        [Units.Project, Units.Worker, Units.Enterprise, Units.Procedure, Units.Item, Units.Tonne, Units.Hectare];

    // The unit words a spelled-out number may count ("ba dự án"), longest first; short ones (ha, dn) are too ambiguous.
    private static readonly UnitWord[] SpelledUnits = UnitsLongestFirst.Where(w => CountingUnits.Contains(w.Unit) && w.Written.Length > 2).ToArray();

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NumberWordLookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string Fold(string s) => Text.MatchKey.Fold(s);

    private const decimal MaxFactor = 1_000_000_000_000_000m; // triệu tỷ, 10¹⁵

    private static readonly string[] RangeWords = [Fold("đến"), Fold("tới")];
    private static readonly string Hundred = Text.MatchKey.Fold("trăm");
    private static readonly string PercentWords = Text.MatchKey.Fold("phần trăm");
    private static readonly string From = Text.MatchKey.Fold("từ");
    private static readonly string Estimated = Text.MatchKey.Fold("ước");
    private static readonly string Expected = Text.MatchKey.Fold("dự kiến");
    private static readonly string TotalOf = Text.MatchKey.Fold("tổng số");
    private static readonly string WithAmountOf = Text.MatchKey.Fold("với số");
    private static readonly string OrMore = Text.MatchKey.Fold("trở lên");

    // A rule's condition on the projects it applies to: "... tối thiểu 20% tổng vốn đối với dự án sử dụng dưới 20 ha đất".
    private static readonly string[] RuleConditions = [Fold("đối với dự án"), Fold("đối với các dự án"), Fold("đối với trường hợp")];

    public static NumberScan Scan(string clean, string key)
    {
        var traps = FindTraps(key);
        var tokens = MergeSpaceGroups(key, DigitToken().Matches(key).Select(m => (m.Index, End: m.Index + m.Length)).ToList());
        var style = VoteStyle(key, tokens);
        var quantities = new List<Quantity>();
        var skipped = new List<SkippedNumber>();
        var lastNameEnd = -10;

        for (var t = 0; t < tokens.Count; t++)
        {
            var (start, end) = tokens[t];
            var raw = clean[start..end];
            var trap = traps.FirstOrDefault(x => start >= x.Start && start < x.End);
            if (trap.Reason is not null)
            {
                skipped.Add(new SkippedNumber(start, end, raw, trap.Reason));
                continue;
            }

            var prev = WordReader.Before(key, start, 3, throughColon: true);
            var naming = NamingSuffix(prev);
            if (naming is not null && !NotThatDate(naming, raw))
            {
                skipped.Add(new SkippedNumber(start, end, raw, $"follows '{naming}': a name, date, ordinal or page counter"));
                lastNameEnd = end;
                continue;
            }

            if (end - start >= 8 && raw.All(char.IsAsciiDigit))
            {
                skipped.Add(new SkippedNumber(start, end, raw, "a long ungrouped digit run: an identifier or code"));
                continue;
            }

            var parsed = DigitParser.Parse(raw, style);
            if (parsed.Malformed)
            {
                skipped.Add(new SkippedNumber(start, end, raw, "malformed digit grouping"));
                continue;
            }

            var read = ReadAfter(key, end, parsed.Value);
            if (read.GluedCode)
            {
                skipped.Add(new SkippedNumber(start, end, raw, "digits glued to letters: a code or name"));
                continue;
            }

            var low = parsed.Value;
            decimal? high = null;
            var numberEnd = end;
            var ambiguous = parsed.Ambiguous;

            // "12 tỷ 500 triệu đồng", "2 triệu 300 nghìn đồng": one amount written in two scales.
            if (read.Unit is null && read.Factor >= 1_000_000m && t + 1 < tokens.Count && key.AsSpan(read.End, tokens[t + 1].Index - read.End).IsWhiteSpace())
            {
                var (s2, e2) = tokens[t + 1];
                var second = DigitParser.Parse(clean[s2..e2], style);
                var read2 = ReadAfter(key, e2, second.Value);
                if (!second.Malformed && !read2.GluedCode && read2.Factor > 1 && read2.Factor < read.Factor && second.Value * read2.Factor < read.Factor)
                {
                    read = read2 with { Value = read.Value + read2.Value, Factor = read.Factor };
                    low = read.Value / read.Factor;
                    numberEnd = e2;
                    ambiguous |= second.Ambiguous;
                    t++;
                }
            }

            // A range: "2-3 dự án", "60%-70%", "từ 60 đến 70%".
            if (t + 1 < tokens.Count && RangeConnector(key, start, read.End, read.Unit, tokens[t + 1].Index))
            {
                var (s2, e2) = tokens[t + 1];
                var second = DigitParser.Parse(clean[s2..e2], style);
                var read2 = ReadAfter(key, e2, second.Value);
                var firstScale = read.Factor == 1 ? read2.Factor : read.Factor;
                if (!second.Malformed && !read2.GluedCode && (read.Unit is null || read2.Unit is null || read.Unit == read2.Unit)
                    && parsed.Value <= decimal.MaxValue / firstScale)
                {
                    low = parsed.Value * firstScale;
                    high = read2.Value;
                    read = read2 with { Value = low, Unit = read2.Unit ?? read.Unit };
                    numberEnd = e2;
                    ambiguous |= second.Ambiguous;
                    t++;
                }
            }

            var value = high is null ? read.Value : low;
            var unit = read.Unit;
            var inferred = false;
            if (unit is null && read.Factor >= 1_000_000m && HasMoneyCue(key, start))
            {
                unit = Units.Vnd; // FIGURES.md: a bare "tỷ" in a money clause is VND
                inferred = true;
            }

            if (unit is null && read.Factor == 1 && high is null)
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

            var (qStart, approx, qualifier, requirement) = ReadQualifiers(key, RangeStart(key, start));
            if (requirement)
            {
                skipped.Add(new SkippedNumber(start, read.End, clean[start..read.End], "a requirement quoted from a rule"));
                continue;
            }

            // "tăng 12% trở lên", "từ 8.000 tỷ đồng trở lên": at least that much.
            var quantityEnd = read.End;
            var afterUnit = WordReader.SkipSpaces(key, read.End);
            if (key.AsSpan(afterUnit).StartsWith(OrMore, StringComparison.Ordinal) && approx is Approx.Exact or Approx.Over)
            {
                approx = Approx.Over;
                quantityEnd = afterUnit + OrMore.Length;
            }

            if (approx is Approx.Under or Approx.Over && UnderRuleCondition(key, qStart))
            {
                skipped.Add(new SkippedNumber(start, read.End, clean[start..read.End], "a threshold in a rule's condition"));
                continue;
            }

            var spanStart = Math.Min(qStart, RangeStart(key, start));
            quantities.Add(new Quantity
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
            });
        }

        quantities.AddRange(SpelledNumbers(clean, key, quantities));
        foreach (Match m in SpelledRatio().Matches(key))
        {
            var g = m.Groups[1];
            var times = g.Value switch { "đôi" => 2m, "ba" => 3m, _ => 1.5m };
            quantities.Add(new Quantity
            {
                Start = g.Index,
                End = g.Index + g.Length,
                Text = clean[g.Index..(g.Index + g.Length)],
                NumberStart = g.Index,
                NumberEnd = g.Index + g.Length,
                Value = times,
                Unit = Units.Times,
                Spelled = true,
            });
        }
        quantities.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new NumberScan(quantities, skipped, style);
    }

    private readonly record struct AfterNumber(decimal Value, decimal Factor, string? Unit, int End, bool GluedCode);

    /// <summary>Scale words, then a unit and an optional "/per" rate, right after the digits.</summary>
    private static AfterNumber ReadAfter(string key, int end, decimal value)
    {
        var factor = 1m;
        var i = end;
        var footnote = Footnote().Match(key, i);
        if (footnote.Success && footnote.Index == i)
        {
            i += footnote.Length; // "110.764(1) triệu đồng": the marker sits between number and unit
        }

        var glued = i < key.Length && char.IsLetter(key[i]);
        var consumedScale = true;
        while (consumedScale)
        {
            consumedScale = false;
            var j = WordReader.SkipSpaces(key, i);
            foreach (var (word, f) in ScalesLongestFirst)
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
        foreach (var w in UnitsLongestFirst)
        {
            if (WordReader.StartsAt(key, u, w.Written))
            {
                unit = w.Unit;
                i = u + w.Written.Length;
                break;
            }
        }

        if (glued && i == end + (footnote.Success && footnote.Index == end ? footnote.Length : 0))
        {
            return new AfterNumber(value, 1, null, end, true);
        }

        // "15.000 tấn sợi/năm": a capacity names its product before the rate.
        if (unit is Units.Tonne or Units.Item or Units.CubicMetre)
        {
            var rate = RateAfterNoun().Match(key, i);
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
                foreach (var (per, name) in Lexicon.PerUnits.OrderByDescending(p => p.Key.Length))
                {
                    var folded = Fold(per);
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

    private static bool RangeConnector(string key, int firstStart, int afterFirst, string? firstUnit, int nextStart)
    {
        var i = WordReader.SkipSpaces(key, afterFirst);
        if (i < key.Length && key[i] is '-' or '–' or '—' && WordReader.SkipSpaces(key, i + 1) == nextStart)
        {
            return true;
        }

        var hasTu = WordReader.PhraseEndingAt(key, firstStart, From) >= 0;
        foreach (var w in RangeWords)
        {
            if (hasTu && WordReader.StartsAt(key, i, w) && WordReader.SkipSpaces(key, i + w.Length) == nextStart)
            {
                return true;
            }
        }

        return false;
    }

    private static int RangeStart(string key, int start)
    {
        var tu = WordReader.PhraseEndingAt(key, start, From);
        return tu >= 0 ? tu : start;
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
            foreach (var (words, a, requirement) in ChainLongestFirst)
            {
                var at = WordReader.PhraseEndingAt(key, cursor, words);
                if (at < 0)
                {
                    continue;
                }

                if (requirement && approx is null)
                {
                    return (at, Approx.Exact, words, true);
                }

                if (a is not null && approx is null)
                {
                    approx = a;
                    word = words;
                    start = at;
                }
                else if (a is null && words.StartsWith(Estimated, StringComparison.Ordinal) || words == Expected)
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

    // The calendar words of NamingWords, with the largest number each can name: "năm 2024", "tháng 6", "quý 3".
    private static readonly (string Word, int Max)[] CalendarSlots =
        [(Fold("năm"), 2100), (Fold("tháng"), 12), (Fold("ngày"), 31), (Fold("quý"), 4), (Fold("tuần"), 53)];

    /// <summary>
    /// A number after a calendar word that cannot be that date ("cả năm 6.750 tỷ đồng": a grouped or decimal
    /// number, or one too large for the slot) is an amount that follows the period, not the period itself.
    /// </summary>
    private static bool NotThatDate(string naming, string raw)
    {
        var slot = Array.FindIndex(CalendarSlots, c => c.Word == naming);
        if (slot < 0)
        {
            return false;
        }

        return !raw.All(char.IsAsciiDigit) || raw.Length > 4 || int.Parse(raw, System.Globalization.CultureInfo.InvariantCulture) > CalendarSlots[slot].Max;
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

    private static string? NamingSuffix(string previousWords)
    {
        if (previousWords.Length == 0)
        {
            return null;
        }

        if (previousWords.EndsWith(TotalOf, StringComparison.Ordinal) || previousWords.EndsWith(WithAmountOf, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = previousWords.Split(' ');
        for (var n = Math.Min(3, parts.Length); n >= 1; n--)
        {
            var suffix = string.Join(' ', parts[^n..]);
            if (NamingWords.Contains(suffix))
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

        if (raw.Length == 4 && raw.All(char.IsAsciiDigit) && raw[0] is '1' or '2' && int.Parse(raw) is >= 1900 and <= 2100)
        {
            return "a year";
        }

        if (raw.Length <= 3 && raw.All(char.IsAsciiDigit))
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

            if (lastNameEnd >= 0 && start - lastNameEnd is >= 0 and <= 4 && key[lastNameEnd..start].Trim() is "," or "và" or "-")
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
        foreach (var trap in Trap.All.Where(t => t.MayMatch(key)))
        {
            foreach (Match m in trap.Pattern.Matches(key))
            {
                spans.Add((m.Index, m.Index + m.Length, trap.Name));
            }
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
            var firstIsPlain = e - s <= 3 && key.AsSpan(s, e - s).IndexOfAny('.', ',') < 0 && NamingSuffix(WordReader.Before(key, s, 2)) is null;
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

    /// <summary>Numbers written in words, read only before a counting unit: "ba dự án", "hai mươi lăm doanh nghiệp".</summary>
    private static IEnumerable<Quantity> SpelledNumbers(string clean, string key, List<Quantity> found)
    {
        var words = Words(key);
        for (var i = 0; i < words.Count; i++)
        {
            if (!NumberWords.ContainsKey(words[i].Value) || (i > 0 && NumberWords.ContainsKey(words[i - 1].Value) && words[i].Index - words[i - 1].Index - words[i - 1].Length == 1))
            {
                continue;
            }

            var j = i;
            while (j + 1 < words.Count && NumberWords.ContainsKey(words[j + 1].Value) && words[j + 1].Index == words[j].Index + words[j].Length + 1)
            {
                j++;
            }

            // Try the longest run of number words that still leaves a counting unit after it.
            for (var last = j; last >= i; last--)
            {
                var afterRun = words[last].Index + words[last].Length;
                var u = WordReader.SkipSpaces(key, afterRun);
                var unit = Array.Find(SpelledUnits, w => WordReader.StartsAt(key, u, w.Written));
                if (unit is null)
                {
                    continue;
                }

                var run = Enumerable.Range(i, last - i + 1).Select(k => words[k].Value).ToList();
                var value = ReadWords(run);
                var start = words[i].Index;
                if (value is null or 0 || run is ["một"] || found.Any(q => q.Start <= start && q.End > start) || IsYearWord(key, words, i, last))
                {
                    break;
                }

                var end = u + unit.Written.Length;
                var (qStart, approx, qualifier, requirement) = ReadQualifiers(key, start);
                if (!requirement)
                {
                    yield return new Quantity
                    {
                        Start = qStart,
                        End = end,
                        Text = clean[qStart..end],
                        NumberStart = start,
                        NumberEnd = afterRun,
                        Value = value.Value,
                        Unit = unit.Unit,
                        Approx = approx,
                        Qualifier = qualifier,
                        Spelled = true,
                    };
                }

                break;
            }

            i = j;
        }
    }

    // "năm" before a counting word is five, but "của năm dự án" reads as a year only when digits follow.
    private static bool IsYearWord(string key, List<Word> words, int i, int last) =>
        i == last && words[i].Value == "năm" && i > 0 && words[i - 1].Value is "trong" or "cả" or "mỗi" or "hằng" or "hàng";

    private readonly record struct Word(int Index, int Length, string Value);

    /// <summary>The words of a text, in order (a hand loop: cheaper than a regex over every letter).</summary>
    private static List<Word> Words(string key)
    {
        var words = new List<Word>(key.Length / 5);
        var i = 0;
        while (i < key.Length)
        {
            if (!char.IsLetter(key[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < key.Length && char.IsLetter(key[end]))
            {
                end++;
            }

            // Only number words (and the few words that decide "năm") are kept as text; others are placeholders.
            var span = key.AsSpan(i, end - i);
            var keep = NumberWordLookup.ContainsKey(span) || span is "trong" or "cả" or "mỗi" or "hằng" or "hàng";
            words.Add(new Word(i, end - i, keep ? key[i..end] : ""));
            i = end;
        }

        return words;
    }

    /// <summary>Vietnamese number words to a value: hai mươi lăm = 25, một trăm linh năm = 105, ba trăm rưỡi = 350.</summary>
    public static decimal? ReadWords(IReadOnlyList<string> words)
    {
        decimal total = 0;
        int hundreds = 0, tens = 0, ones = 0, pending = -1;
        string? lastScale = null;
        foreach (var w in words)
        {
            if (!NumberWords.TryGetValue(w, out var v))
            {
                return null;
            }

            switch (v)
            {
                case >= 0 and <= 9:
                    if (w is "lăm" or "mốt" or "tư" && tens == 0)
                    {
                        return null; // these forms only follow "mươi"; "tư" alone is "đầu tư", "tư nhân"
                    }

                    ones = v;
                    pending = v;
                    break;
                case 10:
                    tens = 1;
                    ones = 0;
                    pending = -1;
                    break;
                case -10:
                    if (pending < 1)
                    {
                        return null;
                    }

                    tens = pending;
                    ones = 0;
                    pending = -1;
                    break;
                case -100:
                    if (pending < 1)
                    {
                        return null;
                    }

                    hundreds = pending;
                    ones = 0;
                    pending = -1;
                    lastScale = "trăm";
                    break;
                case -1000:
                    total += (hundreds * 100 + tens * 10 + ones) * 1000m;
                    hundreds = tens = ones = 0;
                    pending = -1;
                    lastScale = "nghìn";
                    break;
                case -1:
                    if (lastScale == "trăm")
                    {
                        tens = 5;
                    }
                    else if (lastScale == "nghìn")
                    {
                        total += 500;
                    }
                    else
                    {
                        return null;
                    }

                    break;
            }
        }

        return total + hundreds * 100 + tens * 10 + ones;
    }
}
