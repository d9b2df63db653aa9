using System.Text.RegularExpressions;
using Pipeline.Core;
using Pipeline.Extraction.Numbers;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>The one base that closes a list of percentages ("đạt 105% về số dự án và 92,4% về vốn đầu tư so với kế hoạch").</summary>
public enum ListBase
{
    None,
    Plan,
    SamePeriod,
}

/// <summary>
/// What the rules of <see cref="FigureRules"/> read about one quantity of a sentence: the quantity, its class, the
/// words before and after it, the figures before it and the cues around it. Built once per quantity; the readings
/// that cost a look-up (the cues, the scope after it, the base of a comparison) are made when a rule first asks and
/// kept, so a rule that is never reached costs nothing and no reading is made twice.
/// </summary>
public sealed partial class FigureSituation
{
    private static readonly string[] IncreaseKeys = Fold(Cues.Increase);
    private static readonly string[] DecreaseKeys = Fold(Cues.Decrease);
    private static readonly string[] PlanKeys = Fold(Cues.Plan);
    private static readonly string[] SamePeriodKeys = Fold(Cues.SamePeriod);
    private static readonly string ComparedWith = Words.ComparedWith.Keys[0];

    private readonly FigureExtractor.SentenceReader _reader;
    private readonly string _key;
    private Read _read;
    private (MetricCue Cue, CueHit Hit)? _ownCue;
    private (MetricCue Cue, CueHit Hit)? _tailCue;
    private (MetricCue Cue, CueHit Hit)? _earlierCue;
    private Scope? _scopeAfter;
    private bool _remainder;
    private string? _rising;
    private string? _falling;
    private bool _planNamed;
    private bool _samePeriodNamed;
    private ListBase _listBase;
    private bool _compared;

    internal FigureSituation(FigureExtractor.SentenceReader reader, string key, Quantity quantity, Figure? previous, Quantity? next,
        (Metric Metric, Scope? Scope)? assigned, int sentenceStart, int clauseStart, int segmentStart, int tailEnd, int sentenceEnd)
    {
        _reader = reader;
        _key = key;
        Quantity = quantity;
        Class = FigureExtractor.Classify(quantity.Unit);
        // A ratio ("gấp 1,5 lần") speaks of its subject the way a percentage does.
        CueClass = quantity.Unit == Units.Times ? UnitClass.Percent : Class;
        Previous = previous;
        Next = next;
        Assigned = assigned;
        SentenceStart = sentenceStart;
        SentenceEnd = sentenceEnd;
        ClauseStart = clauseStart;
        SegmentStart = segmentStart;
        TailEnd = tailEnd;
        Tail = key[quantity.End..tailEnd];
        Before = WordReader.Before(key, quantity.Start, 4);
        Segment = key[segmentStart..quantity.Start];
    }

    [Flags]
    private enum Read
    {
        OwnCue = 1,
        TailCue = 2,
        EarlierCue = 4,
        ScopeAfter = 8,
        Remainder = 16,
        Change = 32,
        Base = 64,
        ListBase = 128,
        Compared = 256,
    }

    /// <summary>The quantity as the numbers layer read it, cut to its sentence.</summary>
    public Quantity Quantity { get; }

    public string Unit => Quantity.Unit;

    /// <summary>The class of its unit: percent, count, money, area, quantity or none.</summary>
    public UnitClass Class { get; }

    /// <summary>The class of cue that may name its metric: a ratio's is a percentage's.</summary>
    public UnitClass CueClass { get; }

    /// <summary>The figure before it in its clause, if any.</summary>
    public Figure? Previous { get; }

    /// <summary>The next quantity of the sentence, if any.</summary>
    public Quantity? Next { get; }

    /// <summary>The metric and scope a subject list before "lần lượt" gave this quantity, if one did.</summary>
    public (Metric Metric, Scope? Scope)? Assigned { get; }

    public int SentenceStart { get; }
    public int SentenceEnd { get; }

    /// <summary>Where its clause starts (after the last ';' before it).</summary>
    public int ClauseStart { get; }

    /// <summary>Where its segment starts (after the last comma, parenthesis, colon or number before it).</summary>
    public int SegmentStart { get; }

    /// <summary>Where its own words after it end (the next punctuation, the next number, at most 60 characters).</summary>
    public int TailEnd { get; }

    /// <summary>The match key from its end to <see cref="TailEnd"/>.</summary>
    public string Tail { get; }

    /// <summary>The four words before it, in the match key.</summary>
    public string Before { get; }

    /// <summary>The match key from <see cref="SegmentStart"/> to it.</summary>
    public string Segment { get; }

    /// <summary>Whether its sentence names the word before it.</summary>
    public bool SentenceSays(string word) => _key.AsSpan(SentenceStart, Quantity.Start - SentenceStart).Contains(word, StringComparison.Ordinal);

    /// <summary>Whether its clause names the word before it.</summary>
    public bool ClauseSays(string word) => _key.AsSpan(ClauseStart, Quantity.Start - ClauseStart).Contains(word, StringComparison.Ordinal);

    /// <summary>The nearest metric cue of its own segment that governs its class.</summary>
    public (MetricCue Cue, CueHit Hit)? OwnCue => Once(Read.OwnCue, ref _ownCue, static s => s._reader.NearestCue(s.SegmentStart, s.Quantity.Start, s.CueClass));

    /// <summary>The metric named right after it ("85% tổng vốn đăng ký", "8.200 tỷ đồng đăng ký đầu tư").</summary>
    public (MetricCue Cue, CueHit Hit)? TailCue => Once(Read.TailCue, ref _tailCue, static s => s._reader.TailCue(s.Quantity.End, s.TailEnd, s.Class));

    /// <summary>The nearest metric cue earlier in its sentence, before its segment.</summary>
    public (MetricCue Cue, CueHit Hit)? EarlierCue => Once(Read.EarlierCue, ref _earlierCue, static s => s._reader.NearestCue(s.SentenceStart, s.SegmentStart, s.CueClass));

    /// <summary>The first scope named in its own words after it ("26 FDI").</summary>
    public Scope? ScopeAfter => Once(Read.ScopeAfter, ref _scopeAfter, static s => s._reader.ScopeIn(s.Quantity.End, s.TailEnd, first: true));

    /// <summary>Whether "còn lại" follows it: "hai dự án FDI còn lại" is the rest of a count already given.</summary>
    public bool Remainder => Once(Read.Remainder, ref _remainder, static s => s._reader.RemainderOfCount(s.Quantity.End, s.TailEnd));

    /// <summary>The rise word it follows ("tăng"), if any.</summary>
    public string? Rising
    {
        get
        {
            ReadChange();
            return _rising;
        }
    }

    /// <summary>The fall word it follows ("giảm"), if any.</summary>
    public string? Falling
    {
        get
        {
            ReadChange();
            return _falling;
        }
    }

    /// <summary>A plan as its base: named after it ("đạt 144% kế hoạch") or closing its list.</summary>
    public bool Plan => PlanNamed || ListBase == ListBase.Plan;

    /// <summary>The same period as its base: named after it ("bằng 96% cùng kỳ") or closing its list.</summary>
    public bool SamePeriod => SamePeriodNamed || ListBase == ListBase.SamePeriod;

    /// <summary>A plan named right after it, "so với" allowed between.</summary>
    public bool PlanNamed
    {
        get
        {
            ReadBase();
            return _planNamed;
        }
    }

    /// <summary>A period of comparison named right after it ("cùng kỳ", "năm trước", "năm 2019").</summary>
    public bool SamePeriodNamed
    {
        get
        {
            ReadBase();
            return _samePeriodNamed;
        }
    }

    /// <summary>
    /// A percentage followed by "về X" in a list whose clause ends on "so với kế hoạch" or "so với cùng kỳ": the base
    /// closes the list, for every part. None when it names a base of its own or is no percentage.
    /// </summary>
    public ListBase ListBase => Once(Read.ListBase, ref _listBase, static s =>
    {
        if (s.Class != UnitClass.Percent || !FigureExtractor.StartsWithAny(s.Tail.TrimStart(), Words.PerMetric, out _) || s.PlanNamed || s.SamePeriodNamed)
        {
            return ListBase.None;
        }

        var rest = s.Rest();
        return PlanKeys.Any(k => rest.Contains(ComparedWith + " " + k, StringComparison.Ordinal)) ? ListBase.Plan
            : SamePeriodKeys.Any(k => rest.Contains(ComparedWith + " " + k, StringComparison.Ordinal)) ? ListBase.SamePeriod
            : ListBase.None;
    });

    /// <summary>"vượt": the qualifier read with the number.</summary>
    public bool Exceeded => Quantity.Qualifier == Words.Exceeded.Keys[0];

    /// <summary>Its clause opens on a comparison ("So với quý I/2023, số dự án cấp mới tăng 3 dự án"), so it speaks of changes.</summary>
    public bool Compared => Once(Read.Compared, ref _compared,
        static s => s._key.AsSpan(s.ClauseStart, s.Quantity.Start - s.ClauseStart).TrimStart().StartsWith(ComparedWith, StringComparison.Ordinal));

    /// <summary>A sentence about the same period a year earlier: "cùng kỳ năm trước là" right before it.</summary>
    public bool AfterPriorPeriodLead => PriorLevelLead().IsMatch(Segment);

    /// <summary>"tăng/giảm ... so với ..." before it in its segment: "tăng so với năm 2022 tương đương 17 dự án".</summary>
    public bool SegmentComparesChange(out bool down)
    {
        down = DecreaseKeys.Any(k => Segment.Contains(k + " ", StringComparison.Ordinal));
        return Segment.Contains(ComparedWith, StringComparison.Ordinal) && (down || IncreaseKeys.Any(k => Segment.Contains(k + " ", StringComparison.Ordinal)));
    }

    /// <summary>A decision of the metric's kind for this quantity, its unit and value as read.</summary>
    public MetricDecision Gives(Metric metric, string? detail = null, Scope? scope = null) => new(metric, Unit, Quantity.Value, Class, scope, Detail: detail);

    /// <summary>The rest of its clause after it.</summary>
    private string Rest()
    {
        var clauseEnd = _key.IndexOf(';', Quantity.End, SentenceEnd - Quantity.End);
        return _key[Quantity.End..(clauseEnd >= 0 ? clauseEnd : SentenceEnd)];
    }

    private void ReadChange()
    {
        if ((_read & Read.Change) == 0)
        {
            _rising = FigureExtractor.EndsWithAny(Before, IncreaseKeys);
            _falling = FigureExtractor.EndsWithAny(Before, DecreaseKeys);
            _read |= Read.Change;
        }
    }

    private void ReadBase()
    {
        if ((_read & Read.Base) == 0)
        {
            var tail = Tail.TrimStart();
            _planNamed = FigureExtractor.StartsWithAny(tail.StartsWith(ComparedWith, StringComparison.Ordinal) ? tail[ComparedWith.Length..].TrimStart() : tail, PlanKeys, out _);
            _samePeriodNamed = SamePeriodTail().IsMatch(Tail);
            _read |= Read.Base;
        }
    }

    private T Once<T>(Read what, ref T field, Func<FigureSituation, T> read)
    {
        if ((_read & what) == 0)
        {
            field = read(this);
            _read |= what;
        }

        return field;
    }

    private static string[] Fold(IEnumerable<string> words) => words.Select(MatchKey.Fold).OrderByDescending(w => w.Length).ToArray();

    [GeneratedRegex(@"cùng (?:kỳ|kì)(?: năm (?:trước|ngoái|\d{4}))?(?: là| đạt| chỉ| chỉ đạt| mới đạt)?\s*:?\s*$")]
    private static partial Regex PriorLevelLead();

    [GeneratedRegex(@"^\s*(?:so với\s+)?(?:cùng (?:kỳ|kì)|năm trước|năm ngoái|kỳ trước|quý trước|tháng trước|(?:\d+|sáu|chín) tháng|năm \d{4}|quý|tháng|kỳ)")]
    private static partial Regex SamePeriodTail();
}
