using System.Text.RegularExpressions;
using Pipeline.Core;
using Pipeline.Extraction.Numbers;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>What the figures layer needs to know about the whole document.</summary>
/// <param name="Period">The period the document mainly reports on, or null.</param>
/// <param name="ReferenceYear">The year that year-less periods ("6 tháng đầu năm") belong to; 0 when unknown.</param>
/// <param name="IsReview">A year-end review, whose targets without a year are for the next year.</param>
/// <param name="TitleSpan">Where the title stands in the clean text, if it is there.</param>
/// <param name="ReferenceMonth">The month of publication, for "từ đầu năm đến nay"; 0 when unknown.</param>
public sealed record DocumentContext(string? Period, int ReferenceYear, bool IsReview, TextSpan? TitleSpan, int ReferenceMonth = 0);

/// <summary>
/// The figures layer: gives each quantity of the numbers layer its metric, measure, scope, period,
/// estimate and target flags, a confidence and the name of the rule that decided. Pure.
/// </summary>
public static partial class FigureExtractor
{
    // Single words, read from the word tables (Words.cs), where each says what it decides.
    private static readonly string Capital = ScopeWords.Capital;
    private static readonly string Remaining = Words.Remaining.Keys[0];
    private static readonly string NowLead = Words.NowLead.Keys[0];
    private static readonly string Inland = Words.Inland.Keys[0];
    private static readonly string Respectively = Words.Respectively.Keys[0];

    // "Dự án Nhà máy …", "của Công ty TNHH …": the figure belongs to one project, which has no reporting period.
    [GeneratedRegex(@"(?:\b[Dd]ự án|\b[Nn]hà máy)\s+(?:(?!FDI|DDI)[A-ZĐ]|của\s|do\s|sản xuất\s|đầu tư xây dựng\s|xây dựng\s|này\s|có tổng\s|có quy mô\s|được\s)|\b[Cc]ông ty\s+(?:TNHH|[Cc]ổ phần|CP|[A-ZĐ])|\b[Tt]ập đoàn\s+[A-ZĐ]")]
    private static partial Regex ProjectSubject();

    /// <summary>
    /// The figures of a document's sentences, each decided by the rule tables of <see cref="FigureRules"/>;
    /// <paramref name="fired"/>, when given, is told every rule that fired for each quantity (the rule tests read it).
    /// </summary>
    public static IReadOnlyList<Figure> Extract(string clean, string key, IReadOnlyList<Sentence> sentences, NumberScan scan,
        IReadOnlyList<PeriodMention> periods, DocumentContext context, ICollection<RuleFiring>? fired = null, Tables.TableReading? skip = null)
    {
        var cues = new DocumentCues(key);
        var found = new List<Figure>();
        var quantities = scan.Quantities;
        var frames = new ContextFrames(key, cues, context.TitleSpan, periods);
        var q = 0;
        foreach (var sentence in sentences)
        {
            var inSentence = new List<Quantity>();
            while (q < quantities.Count && quantities[q].NumberStart < sentence.Span.End)
            {
                if (quantities[q].NumberStart >= sentence.Span.Start)
                {
                    inSentence.Add(Within(quantities[q], sentence.Span, clean));
                }

                q++;
            }

            frames.Enter(sentence, inSentence.Count > 0 ? inSentence[0].Start : sentence.Span.End);
            if (inSentence.Count > 0 && skip?.Holds(sentence.Span.Start, sentence.Span.End) != true)
            {
                var reader = new SentenceReader(clean, key, sentence, inSentence, periods, context, cues, frames, fired);
                found.AddRange(reader.Read());
            }
        }

        return Deduplicate(found, context.TitleSpan);
    }

    /// <summary>FIGURES.md: the same metric, measure, unit and value count once; the body's wording beats the headline's.</summary>
    private static List<Figure> Deduplicate(List<Figure> figures, TextSpan? title)
    {
        var result = new List<Figure>();
        var index = new Dictionary<(Metric, Measure, string, decimal), int>();
        foreach (var f in figures)
        {
            var k = (f.Metric, f.Measure, f.Unit, f.Value);
            if (!index.TryGetValue(k, out var at))
            {
                index[k] = result.Count;
                result.Add(f);
                continue;
            }

            var kept = result[at];
            var keptInTitle = title is { } t && t.Contains(kept.Start);
            if (keptInTitle && !(title is { } t2 && t2.Contains(f.Start)))
            {
                result[at] = f with { Target = f.Target || kept.Target };
            }
        }

        return result;
    }

    internal static UnitClass Classify(string unit) => unit switch
    {
        Units.Percent => UnitClass.Percent,
        Units.Project or Units.Worker or Units.Enterprise or Units.Procedure or Units.Count => UnitClass.Count,
        Units.Hectare or Units.SquareMetre or "km2" => UnitClass.Area,
        Units.CubicMetre or Units.Tonne or Units.Item => UnitClass.Quantity,
        _ when unit.Contains('/') => UnitClass.None,
        _ when Units.IsMoney(unit) => UnitClass.Money,
        _ => UnitClass.None,
    };

    internal static Metric? MetricOfUnit(string unit) => unit switch
    {
        Units.Project => Metric.Projects,
        Units.Worker => Metric.Labour,
        Units.Enterprise => Metric.Enterprises,
        Units.Procedure => Metric.AdminProcedures,
        Units.Hectare or Units.SquareMetre or "km2" => Metric.LandArea,
        Units.CubicMetre or Units.Tonne or Units.Item => Metric.OutputQuantity,
        _ => null,
    };

    internal static string UnitOfMetric(Metric metric) => metric switch
    {
        Metric.Projects => Units.Project,
        Metric.Labour => Units.Worker,
        Metric.Enterprises => Units.Enterprise,
        Metric.AdminProcedures => Units.Procedure,
        _ => Units.Count,
    };

    internal static string? EndsWithAny(string words, string[] phrases)
    {
        foreach (var p in phrases)
        {
            if (words.EndsWith(p, StringComparison.Ordinal) && (words.Length == p.Length || words[words.Length - p.Length - 1] == ' '))
            {
                return p;
            }
        }

        return null;
    }

    internal static bool StartsWithAny(string text, string[] phrases, out string? phrase)
    {
        foreach (var p in phrases)
        {
            if (text.StartsWith(p, StringComparison.Ordinal) && (text.Length == p.Length || !char.IsLetterOrDigit(text[p.Length])))
            {
                phrase = p;
                return true;
            }
        }

        phrase = null;
        return false;
    }

    /// <summary>Reads the figures of one sentence, left to right, so later numbers can lean on earlier ones.</summary>
    internal sealed class SentenceReader(string clean, string key, Sentence sentence, List<Quantity> quantities,
        IReadOnlyList<PeriodMention> periods, DocumentContext context, DocumentCues cues, ContextFrames frames, ICollection<RuleFiring>? fired)
    {
        private readonly Dictionary<Quantity, (Metric Metric, Scope? Scope)> _assigned = [];
        private Figure? _beforePrevious; // the figure before the previous one in its clause
        private bool? _estimateLead;

        public IEnumerable<Figure> Read()
        {
            AssignRespectively();
            Figure? previous = null;
            Quantity? previousQuantity = null;
            var clauseStart = sentence.Span.Start;
            for (var i = 0; i < quantities.Count; i++)
            {
                var quantity = quantities[i];
                var boundary = key.LastIndexOf(';', Math.Max(quantity.Start - 1, sentence.Span.Start), Math.Max(0, quantity.Start - sentence.Span.Start));
                if (boundary >= clauseStart)
                {
                    clauseStart = boundary + 1;
                    previous = null;
                    _beforePrevious = null;
                }

                var nextStart = i + 1 < quantities.Count ? quantities[i + 1].Start : sentence.Span.End;
                var segmentStart = SegmentStart(quantity, previousQuantity, clauseStart);
                var figure = Decide(quantity, previous, segmentStart, clauseStart, nextStart, i + 1 < quantities.Count ? quantities[i + 1] : null, previousQuantity?.End);
                previousQuantity = quantity;
                if (figure is not null)
                {
                    _beforePrevious = previous;
                    previous = figure;
                    yield return figure;
                }
            }
        }

        private int SegmentStart(Quantity quantity, Quantity? previous, int clauseStart)
        {
            var start = Math.Max(clauseStart, previous?.End ?? sentence.Span.Start);
            for (var i = quantity.Start - 1; i >= start; i--)
            {
                if (key[i] is ',' or '(' or ')' or ';' or ':' or '"' or '“' or '”')
                {
                    return i + 1;
                }
            }

            return start;
        }

        private Figure? Decide(Quantity quantity, Figure? previous, int segmentStart, int clauseStart, int nextStart, Quantity? next, int? previousEnd)
        {
            var tailEnd = TailEnd(quantity.End, nextStart);
            var s = new FigureSituation(this, key, quantity, previous, next, _assigned.TryGetValue(quantity, out var given) ? given : null,
                sentence.Span.Start, clauseStart, segmentStart, tailEnd, sentence.Span.End);

            // The metric: the first row of the table that applies, then its revisions (FigureRules.Metric).
            if (FigureRules.DecideMetric(s, out var metricRow) is not { } decided || metricRow is null)
            {
                throw new InvalidOperationException("the metric table's last row applies to every number");
            }

            if (decided.IsNotAFigure)
            {
                // A row said the number is no figure: a unit outside the contract, the rest of a count, a count of nothing named.
                fired?.Add(new RuleFiring(metricRow, quantity, null));
                return null;
            }

            decided = FigureRules.ReviseMetric(s, decided, out var metricRevision);
            FigureRule metricRule = metricRevision is null ? metricRow : metricRevision;
            var confidence = metricRevision?.Tier ?? metricRow.Tier;
            var shareTier = metricRevision is null ? metricRow.ShareTier : null;

            var metric = decided.Metric;
            var scope = ScopeOf(s, decided, previousEnd);

            // The measure: the first row of its table that applies, then its revisions (FigureRules.Measure).
            // A row reads the metric decided: a share of an occupancy rate is its level.
            if (FigureRules.DecideMeasure(s, decided, out var measureRow) is not { } measured || measureRow is null)
            {
                throw new InvalidOperationException("the measure table's last row applies to every figure");
            }

            measured = FigureRules.ReviseMeasure(s, measured, out var measureRevision);
            FigureRule measureRule = measureRevision is null ? measureRow : measureRevision;

            var measure = measured.Measure;
            if (measure == Measure.SharePct && shareTier is { } share)
            {
                confidence = share;
            }

            var target = IsTarget(quantity);
            var estimate = IsEstimate(quantity, segmentStart);
            var period = DecidePeriod(quantity, clauseStart, tailEnd, target, s.Segment, metric, measure);
            if (measured.PriorPeriod)
            {
                period = PeriodRecognizer.Shift(period, -1);
            }

            if (quantity.UnitInferred)
            {
                confidence *= 0.9;
            }

            if (quantity.Ambiguous)
            {
                confidence *= 0.8;
            }

            if (quantity.Spelled)
            {
                confidence *= 0.95;
            }

            var figure = new Figure
            {
                Metric = metric,
                Measure = measure,
                Value = measured.Value,
                ValueMax = quantity.ValueMax is { } max && measure is Measure.Level or Measure.SharePct ? max : quantity.ValueMax,
                Unit = decided.Unit,
                Approx = measured.Approx,
                Estimate = estimate,
                Target = target,
                Scope = scope,
                Period = period,
                Text = quantity.Text,
                Start = quantity.Start,
                End = quantity.End,
                Sentence = clean[sentence.Span.Start..sentence.Span.End],
                Confidence = Math.Round(confidence, 2),
                Rule = $"{metricRule.Name}{decided.Detail}+{measureRule.Name}",
            };

            if (fired is not null)
            {
                fired.Add(new RuleFiring(metricRow, quantity, figure));
                if (metricRevision is not null)
                {
                    fired.Add(new RuleFiring(metricRevision, quantity, figure));
                }

                fired.Add(new RuleFiring(measureRow, quantity, figure));
                if (measureRevision is not null)
                {
                    fired.Add(new RuleFiring(measureRevision, quantity, figure));
                }
            }

            return figure;
        }

        /// <summary>
        /// The scope of a figure whose metric is decided: none for a metric without one; the part's own when its row
        /// gave one (a breakdown, a subject list); else its own words after it, its subject, or the frame it stands in.
        /// </summary>
        private Scope? ScopeOf(FigureSituation s, MetricDecision decided, int? previousEnd)
        {
            var quantity = s.Quantity;
            var metric = decided.Metric;
            var scope = decided.Scope;
            // Workers "nước ngoài" are foreign nationals; only an FDI/DDI word gives labour a scope.
            var labour = metric == Metric.Labour;
            var scopeable = metric is Metric.Projects or Metric.InvestmentCapital or Metric.Enterprises or Metric.Labour or Metric.ExportValue
                or Metric.ImportValue or Metric.TradeValue or Metric.ProductionValue or Metric.Revenue or Metric.BudgetContribution;
            if (!scopeable)
            {
                return null;
            }

            if (decided.OwnScope && scope is not null)
            {
                return scope; // the subject list or the breakdown already gave this part its own scope
            }

            if (ScopeIn(quantity.End, OwnTailEnd(quantity.End, s.TailEnd), first: true, ownersOnly: labour) is { } after)
            {
                return after; // its own words: "28 dự án FDI", "(26 FDI và 13 DDI)"
            }

            if (ScopeHit(SubjectStart(s.SegmentStart, previousEnd, quantity.Start), quantity.Start, ownersOnly: labour) is { } subject)
            {
                // its subject: "vốn FDI đạt", "các doanh nghiệp FDI xuất khẩu đạt"; it frames what follows.
                // A scope right after the previous number ("7 dự án DDI với tổng vốn ...") or after "trong đó" names a part: its clause only.
                var part = InBreakdown(subject.Hit.Start) || previousEnd is { } pe && pe <= subject.Hit.Start && subject.Hit.Start - pe < 30;
                frames.Subject(subject.Value, subject.Hit, part);
                return subject.Value;
            }

            if (metric == Metric.InvestmentCapital && (Restated(s) ?? CapitalOfCount(s)) is { } paired)
            {
                return paired;
            }

            if (scope is null && frames.Carried(metric, quantity.Start) is { } carried)
            {
                return carried.Scope; // FIGURES.md "Scope carries": a heading, lead clause or subject before it
            }

            return scope ?? AllOfOneScope(s);
        }

        /// <summary>
        /// "cấp mới 4 dự án với tổng vốn đăng ký 612,5 tỷ đồng, đều là dự án trong nước": a remark after the figures of its
        /// clause that all of them are of one scope (<see cref="Words.AllOfKind"/>) gives them that scope.
        /// </summary>
        private Scope? AllOfOneScope(FigureSituation s)
        {
            var hits = cues.Scopes;
            var i = hits.IndexAt(s.Quantity.End);
            if (i >= hits.Count || hits[i].Hit.End > s.SentenceEnd || key.AsSpan(s.Quantity.End, hits[i].Hit.Start - s.Quantity.End).Contains(';'))
            {
                return null;
            }

            return EndsWithAny(WordReader.Before(key, hits[i].Hit.Start, 4), Words.AllOfKind) is not null ? hits[i].Value : null;
        }

        /// <summary>
        /// "86,5 triệu đô la Mỹ (tương đương khoảng 2.160 tỷ đồng)", "45 triệu USD (khoảng 1.120 tỷ đồng)": the same capital
        /// restated in another currency right after it is that capital, with its scope.
        /// </summary>
        private static Scope? Restated(FigureSituation s)
        {
            if (s.Previous is not { Metric: Metric.InvestmentCapital, Scope: { } scope } amount || amount.Unit == s.Unit
                || s.Quantity.Start - amount.End > 30 || s.SegmentStart > amount.End + 3)
            {
                return null;
            }

            var words = s.Segment.Trim();
            return words.Length == 0 || Array.IndexOf(Words.Restatement.Keys, words) >= 0 ? scope : null;
        }

        /// <summary>
        /// "ba dự án FDI tại KCN Bá Thiện II, huyện Bình Xuyên, với tổng vốn đăng ký 86,5 triệu đô", "điều chỉnh vốn 9 lượt dự án
        /// FDI, tăng thêm 37,5 triệu USD": capital right after a count of projects whose own words name a scope is those
        /// projects' capital. Not after two counts in a row ("28 dự án FDI và 13 dự án DDI, tổng vốn ..." is the total's),
        /// nor across a parenthesis or a semicolon.
        /// </summary>
        private Scope? CapitalOfCount(FigureSituation s)
        {
            if (s.Previous is not { Metric: Metric.Projects, Scope: { } scope } count || _beforePrevious is { Metric: Metric.Projects }
                || count.End > s.Quantity.Start || key.AsSpan(count.End, s.Quantity.Start - count.End).IndexOfAny(')', '(', ';') >= 0)
            {
                return null;
            }

            if (ScopeIn(count.End, OwnTailEnd(count.End, s.Quantity.Start), first: true) != scope)
            {
                return null; // its scope came from a frame or a subject, which the capital reads for itself
            }

            foreach (var (_, other) in cues.Scopes.Within(count.End, s.Quantity.Start))
            {
                if (other != scope)
                {
                    return null;
                }
            }

            return scope;
        }

        private int TailEnd(int from, int nextStart)
        {
            var limit = Math.Min(Math.Min(nextStart, sentence.Span.End), from + 60);
            for (var i = from; i < limit; i++)
            {
                if (key[i] is ',' or ';' or '(' or ')' or '.' && !(i + 1 < key.Length && char.IsDigit(key[i + 1]) && i > 0 && char.IsDigit(key[i - 1])))
                {
                    return i;
                }
            }

            return Math.Max(from, limit);
        }

        /// <summary>
        /// The metric word nearest before a number. A word introduced by "từ" names where the amount came from,
        /// not what it is: "thu ngân sách từ hoạt động xuất nhập khẩu đạt 685 tỷ đồng" is budget revenue, so an
        /// earlier word wins when there is one.
        /// </summary>
        internal (MetricCue Cue, CueHit Hit)? NearestCue(int from, int to, UnitClass cls)
        {
            (MetricCue Cue, CueHit Hit)? source = null;
            foreach (var (hit, cue) in cues.Metrics.Backwards(from, to))
            {
                if ((cue.Governs & cls) == 0)
                {
                    continue;
                }

                // "nộp ngân sách của khối FDI đạt ...": FDI names the owner; the metric is the word before it.
                if (source is null && hit.Phrase is "fdi" or "ddi" && EndsWithAny(WordReader.Before(key, hit.Start, 3), Words.Owners) is not null)
                {
                    source = (cue, hit);
                    continue;
                }

                if (source is null && EndsWithAny(WordReader.Before(key, hit.Start, 3), Words.SourceLeads) is not null)
                {
                    source = (cue, hit);
                    continue;
                }

                return (cue, hit);
            }

            return source;
        }

        private static readonly string[] TailLeads = Words.TailLeads;

        /// <summary>A metric named right after a percentage: "85% tổng vốn đăng ký", "100% hồ sơ".</summary>
        internal (MetricCue Cue, CueHit Hit)? TailCue(int from, int tailEnd, UnitClass cls)
        {
            var first = WordReader.SkipSpaces(key, from);
            var start = first;
            if (StartsWithAny(key[first..tailEnd], TailLeads, out var lead))
            {
                start = WordReader.SkipSpaces(key, first + lead!.Length);
            }

            // The cue may include the lead word ("tổng vốn") or follow it ("tổng số lao động").
            foreach (var (hit, cue) in cues.Metrics.Within(first, tailEnd))
            {
                return (hit.Start == start || hit.Start == first) && (cue.Governs & cls) != 0 ? (cue, hit) : null;
            }

            return null;
        }

        /// <summary>Whether a count is followed by "còn lại" (after an owner word or two): "hai dự án FDI còn lại".</summary>
        internal bool RemainderOfCount(int from, int tailEnd)
        {
            var tail = key[from..tailEnd].TrimStart();
            foreach (var owner in Words.CapitalOwners.Keys)
            {
                if (tail.StartsWith(owner, StringComparison.Ordinal))
                {
                    tail = tail[owner.Length..].TrimStart();
                    break;
                }
            }

            return tail.StartsWith(Remaining, StringComparison.Ordinal);
        }

        /// <summary>
        /// Where a figure's own tail ends: at the first "và", comma or semicolon, so "vốn FDI đạt 800 triệu
        /// USD và vốn đầu tư trong nước đạt 400 triệu USD" does not lend "trong nước" to the first figure.
        /// </summary>
        private int OwnTailEnd(int from, int to)
        {
            var end = to;
            foreach (var boundary in Words.TailBoundaries.Keys)
            {
                var at = key.IndexOf(boundary, from, to - from, StringComparison.Ordinal);
                while (at >= 0 && StillAt(at + 1))
                {
                    at = key.IndexOf(boundary, at + 1, to - at - 1, StringComparison.Ordinal); // "còn hiệu lực": still, not whereas
                }

                if (at >= 0 && at < end)
                {
                    end = at;
                }
            }

            return end;
        }

        private bool StillAt(int at)
        {
            foreach (var still in Words.Still.Keys)
            {
                if (key.AsSpan(at).StartsWith(still, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a position follows a breakdown word of its sentence ("trong đó", "gồm"): a part's scope, for its sentence only.</summary>
        private bool InBreakdown(int at) =>
            ScopeWords.ContainsAny(key[sentence.Span.Start..at], ScopeWords.BreakdownLeads);

        /// <summary>
        /// Where a figure's subject may start: past the previous number's own words when a "và" or comma closes them
        /// ("9 dự án FDI và điều chỉnh tăng vốn cho 11 lượt dự án": FDI is the nine's), else the segment's start
        /// ("298 dự án FDI với tổng vốn 16.235,7 triệu USD": the capital is of those FDI projects).
        /// </summary>
        private int SubjectStart(int segmentStart, int? previousEnd, int start)
        {
            if (previousEnd is not { } pe || pe < segmentStart - 1 || pe >= start)
            {
                return segmentStart;
            }

            var own = OwnTailEnd(pe, start);
            return own < start && own > segmentStart ? own : segmentStart;
        }

        /// <summary>The last scope named in [from, to), with where it stands.</summary>
        private (CueHit Hit, Scope Value)? ScopeHit(int from, int to, bool ownersOnly = false)
        {
            var hits = ScopeHits(from, to, ownersOnly);
            return hits.Count == 0 ? null : hits[^1];
        }

        private List<(CueHit Hit, Scope Value)> ScopeHits(int from, int to, bool ownersOnly) =>
            cues.Scopes.Within(from, to)
                .Where(h => !ownersOnly || h.Hit.Phrase.Contains("fdi", StringComparison.Ordinal) || h.Hit.Phrase.Contains("ddi", StringComparison.Ordinal)
                            || h.Hit.Phrase.Contains(Capital, StringComparison.Ordinal))
                .Where(h => h.Hit.Phrase != Inland || EndsWithAny(WordReader.Before(key, h.Hit.Start, 2), Words.InlandInvestors) is not null)
                .ToList();

        internal Scope? ScopeIn(int from, int to, bool first, bool ownersOnly = false)
        {
            var hits = cues.Scopes.Within(from, to)
                .Where(h => !ownersOnly || h.Hit.Phrase.Contains("fdi", StringComparison.Ordinal) || h.Hit.Phrase.Contains("ddi", StringComparison.Ordinal)
                            || h.Hit.Phrase.Contains(Capital, StringComparison.Ordinal))
                .Where(h => h.Hit.Phrase != Inland || EndsWithAny(WordReader.Before(key, h.Hit.Start, 2), Words.InlandInvestors) is not null)
                .ToList();
            if (hits.Count == 0)
            {
                return null;
            }

            return (first ? hits[0] : hits[^1]).Value;
        }

        private bool IsTarget(Quantity quantity)
        {
            foreach (var (hit, _) in cues.Targets.Backwards(sentence.Span.Start, quantity.NumberStart))
            {
                var lead = WordReader.Before(key, hit.Start, 1);
                var glued = hit.Start > 0 && key[hit.Start - 1] == '%' || hit.Start > 1 && key[hit.Start - 2] == '%';
                if (!glued && lead is not ("đạt" or "vượt" or "bằng" or "với" or "theo" or "thành" or "các" or "so") && !char.IsDigit(lead.LastOrDefault()))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsEstimate(Quantity quantity, int segmentStart) =>
            cues.Estimates.Backwards(Math.Min(segmentStart, quantity.Start), quantity.NumberStart).Any() || EstimateLead();

        /// <summary>"Dự kiến, khi vận hành toàn bộ, nhà máy sử dụng khoảng 900 lao động, ...": an estimate word that is the
        /// sentence's whole lead clause makes every figure of the sentence an estimate.</summary>
        private bool EstimateLead()
        {
            if (_estimateLead is { } known)
            {
                return known;
            }

            var lead = false;
            var first = cues.Estimates.IndexAt(sentence.Span.Start);
            if (first < cues.Estimates.Count && cues.Estimates[first].Hit is var hit && hit.End <= Math.Min(sentence.Span.End, sentence.Span.Start + 24))
            {
                lead = key.AsSpan(sentence.Span.Start, hit.Start - sentence.Span.Start).IsWhiteSpace() && hit.End < key.Length && key[hit.End] == ',';
            }

            _estimateLead = lead;
            return lead;
        }

        private string? DecidePeriod(Quantity quantity, int clauseStart, int tailEnd, bool target, string segment, Metric metric, Measure measure)
        {
            var stock = IsStock(quantity, clauseStart, tailEnd, metric, measure, segment);
            PeriodMention? chosen = null;
            for (var i = FirstAtOrAfter(sentence.Span.Start); i < periods.Count; i++)
            {
                var p = periods[i];
                if (p.Comparison || (p.Planned && !target))
                {
                    continue;
                }

                if (p.End <= quantity.NumberStart)
                {
                    chosen = p; // the nearest one on the left wins
                }
                else if (p.Start >= quantity.End && p.Start <= tailEnd + 40 && p.End <= sentence.Span.End && chosen is null)
                {
                    // "đạt 21.356,8 tỷ đồng (năm 2016: 19.874,1 tỷ đồng)": a parenthesis gives the base of comparison.
                    var between = key[quantity.End..p.Start];
                    // "... 25 ha, dự kiến đi vào hoạt động từ quý II/2026": a start date, not the figure's period.
                    if (!between.Contains(';') && !between.Contains('(') && !between.Any(char.IsDigit)
                        && EndsWithAny(WordReader.Before(key, p.Start, 1), Words.SourceLeads) is null)
                    {
                        chosen = p;
                    }

                    break;
                }
                else if (p.Start >= quantity.End)
                {
                    break;
                }
            }

            if (chosen is not null)
            {
                return stock && !chosen.Period.StartsWith("..", StringComparison.Ordinal) ? PeriodRecognizer.EndPoint(chosen.Period) : chosen.Period;
            }

            var prefix = key[sentence.Span.Start..quantity.NumberStart];
            if (Words.Snapshot.Keys.Any(s => prefix.Contains(s, StringComparison.Ordinal)) || prefix.TrimStart().StartsWith(NowLead, StringComparison.Ordinal))
            {
                return null; // FIGURES.md: a "hiện nay" snapshot has no period unless the text names one
            }

            if (!target && measure == Measure.Level && metric is Metric.InvestmentCapital or Metric.LandArea or Metric.Labour or Metric.Other
                && ProjectSubject().IsMatch(clean[sentence.Span.Start..quantity.NumberStart]))
            {
                return null; // one project's own figures
            }

            // FIGURES.md: a cumulative figure naming no date ("Lũy kế đến nay", "tính đến nay") runs to the end of the document's period.
            if (!target && Words.Cumulative.Keys.Any(c => prefix.Contains(c, StringComparison.Ordinal)) && PeriodRecognizer.EndPoint(context.Period) is { } end)
            {
                return ".." + end.TrimStart('.');
            }

            var carried = CarriedMention(target) ?? (target ? null : frames.HeadingPeriod);
            string? period;
            if (carried is not null)
            {
                period = carried.Period;
            }
            else if (target && context.Period is { } docPeriod && Periods.FirstYear(docPeriod) is { } year)
            {
                period = (context.IsReview && docPeriod.Length == 4 ? year + 1 : year).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                // A single event's page (no report period): the counts of the day take the month of the date its paragraph opens on.
                period = context.Period ?? (target || stock ? null : EventMonth());
            }

            return stock && period is not null && !period.StartsWith("..", StringComparison.Ordinal) ? PeriodRecognizer.EndPoint(period) : period;
        }

        /// <summary>
        /// "Chiều 22/8/2024, Ban Quản lý ... trao Giấy chứng nhận ... cho ba dự án FDI ...": the month of the date that opens the
        /// paragraph, after a word of the time of day (<see cref="Words.EventDayLeads"/>); null when the paragraph opens otherwise.
        /// </summary>
        private string? EventMonth()
        {
            var at = key.LastIndexOf('\n', Math.Max(0, sentence.Span.Start - 1)) + 1;
            at = WordReader.SkipSpaces(key, at);
            if (!StartsWithAny(key.AsSpan(at, Math.Min(16, key.Length - at)).ToString(), Words.EventDayLeads, out var lead))
            {
                return null;
            }

            at = WordReader.SkipSpaces(key, at + lead!.Length);
            if (!ReadInt(ref at, 2, out var day) || !Expect(ref at, '/') || !ReadInt(ref at, 2, out var month) || day is < 1 or > 31 || month is < 1 or > 12)
            {
                return null;
            }

            var year = context.ReferenceYear;
            if (Expect(ref at, '/') && (!ReadInt(ref at, 4, out year) || year < 1990))
            {
                return null;
            }

            return year > 0 && at < key.Length && key[at] == ',' ? $"{year:D4}-{month:D2}" : null;
        }

        private bool Expect(ref int at, char c)
        {
            if (at < key.Length && key[at] == c)
            {
                at++;
                return true;
            }

            return false;
        }

        private bool ReadInt(ref int at, int maxDigits, out int value)
        {
            value = 0;
            var start = at;
            while (at < key.Length && at - start < maxDigits && char.IsAsciiDigit(key[at]))
            {
                value = (value * 10) + (key[at++] - '0');
            }

            return at > start && !(at < key.Length && char.IsAsciiDigit(key[at]));
        }

        /// <summary>The period an earlier sentence of the same paragraph named ("Trong 6 tháng đầu năm … . Cụ thể, …").</summary>
        private PeriodMention? CarriedMention(bool target)
        {
            var paragraphStart = key.LastIndexOf('\n', Math.Max(0, sentence.Span.Start - 1)) + 1;
            PeriodMention? carried = null;
            for (var i = FirstAtOrAfter(paragraphStart); i < periods.Count; i++)
            {
                var p = periods[i];
                if (p.End > sentence.Span.Start)
                {
                    break;
                }

                if (p.Start >= paragraphStart && !p.Comparison && (target ? !p.Period.Contains("..", StringComparison.Ordinal) : !p.Planned)
                    && EndsWithAny(WordReader.Before(key, p.Start, 2), Words.OwnClauseLeads) is null && !InParentheses(p.Start))
                {
                    carried = p;
                }
            }

            return carried;
        }

        /// <summary>
        /// The index of the first period mention starting at or after <paramref name="at"/> (mentions are sorted by
        /// start): a binary search, so a figure looks only at its own sentence's or paragraph's mentions and a long
        /// input costs time in proportion to its length, not to its length squared.
        /// </summary>
        private int FirstAtOrAfter(int at)
        {
            int low = 0, high = periods.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (periods[middle].Start < at)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        /// <summary>Whether a position sits inside a parenthesis ("(năm 2014 đạt 15.886 tỷ đồng)"), an aside never carried on.</summary>
        private bool InParentheses(int at)
        {
            var open = key.LastIndexOf('(', Math.Max(0, at - 1));
            return open >= 0 && key.IndexOf(')', open, at - open) < 0 && at - open < 80;
        }

        /// <summary>A stock is measured at a point: workers employed, enterprises operating, land leased, projects still valid.</summary>
        private bool IsStock(Quantity quantity, int clauseStart, int tailEnd, Metric metric, Measure measure, string segment)
        {
            if (measure is not (Measure.Level or Measure.Change or Measure.ChangePct or Measure.ChangePp))
            {
                return false;
            }

            var around = key[clauseStart..quantity.NumberStart] + " " + key[quantity.End..tailEnd];
            bool Has(string[] words, string text) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
            return metric switch
            {
                Metric.OccupancyRate => true,
                Metric.Labour => !Has(Words.LabourFlow, segment) && Has(Words.LabourStock, around),
                Metric.Enterprises => !Has(Words.Additions, segment) && Has(Words.EnterpriseStock, around),
                Metric.LandArea => !Has(Words.Additions, segment) && Has(Words.LandStock, around),
                Metric.Projects or Metric.InvestmentCapital => Has(Words.ProjectStock, around),
                _ => false,
            };
        }

        /// <summary>"Vốn FDI và vốn trong nước lần lượt là A và B": the subjects map onto the numbers in order.</summary>
        private void AssignRespectively()
        {
            var at = key.IndexOf(Respectively, sentence.Span.Start, sentence.Span.Length, StringComparison.Ordinal);
            if (at < 0)
            {
                return;
            }

            var after = quantities.Where(x => x.NumberStart > at && Classify(x.Unit) != UnitClass.Percent).ToList();
            var clause = key.LastIndexOfAny([';', ':', '.'], at) + 1;
            clause = Math.Max(clause, sentence.Span.Start);
            if (quantities.Any(x => x.NumberStart >= clause && x.NumberStart < at))
            {
                clause = quantities.Last(x => x.NumberStart < at).End;
            }

            if (clause >= at)
            {
                return; // a number runs into "lần lượt": no subject list to map
            }

            var subjects = new List<(Metric? Metric, Scope? Scope)>();
            var parts = Regex.Split(key[clause..at], @",|\bvà\b");
            var offset = clause;
            foreach (var part in parts)
            {
                var start = key.IndexOf(part, offset, StringComparison.Ordinal);
                var end = start + part.Length;
                offset = end;
                // The part's head noun names its metric: "kim ngạch xuất khẩu của doanh nghiệp" is exports, not enterprises.
                var cue = cues.Metrics.Within(start, end).Select(h => (Metric?)h.Value.Metric).FirstOrDefault();
                var sc = cues.Scopes.Backwards(start, end).Select(h => (Scope?)h.Value).FirstOrDefault();
                if (cue is not null || sc is not null)
                {
                    subjects.Add((cue, sc));
                }
            }

            if (subjects.Count < 2 || subjects.Count != after.Count)
            {
                return;
            }

            var shared = subjects.Select(s => s.Metric).LastOrDefault(m => m is not null);
            for (var i = 0; i < after.Count; i++)
            {
                _assigned[after[i]] = (subjects[i].Metric ?? shared ?? Metric.Other, subjects[i].Scope);
            }
        }
    }

    /// <summary>
    /// A quantity cut to the sentence that holds its number: the splitter may end a sentence inside one
    /// ("Rs. 20": the currency's abbreviation point reads as a full stop), and every later step assumes a
    /// figure lies within its sentence.
    /// </summary>
    private static Quantity Within(Quantity quantity, TextSpan sentence, string clean)
    {
        var start = Math.Max(quantity.Start, sentence.Start);
        var end = Math.Min(quantity.End, sentence.End);
        return start == quantity.Start && end == quantity.End ? quantity : quantity with { Start = start, End = Math.Max(end, quantity.NumberEnd), Text = clean[start..Math.Max(end, quantity.NumberEnd)] };
    }
}
