using Pipeline.Core;
using Pipeline.Extraction.Text;

namespace Pipeline.Extraction.Figures;

/// <summary>
/// FIGURES.md "Scope carries": the scope a heading, a lead clause or a subject sets for the figures after it.
/// Read once per document, sentence by sentence in text order:
/// a heading line ("Khu vực FDI:", "II. Đầu tư trong nước") frames its section, until the next heading;
/// a lead clause ("Đối với các dự án trong nước, ...", "Về thu hút FDI: ...") frames the rest of its paragraph;
/// a subject ("các doanh nghiệp FDI xuất khẩu đạt ...") frames the rest of its paragraph too, but a capital
/// subject ("vốn FDI đạt ...") only for the investment figures after it (projects and capital).
/// A clause that names both scopes or speaks of the total ("Tính chung, ...") ends every frame.
/// A project's owner named by nationality ("Công ty TNHH X (Hàn Quốc)", "doanh nghiệp do nhà đầu tư Nhật Bản thành lập",
/// <see cref="InvestorCountries"/>) frames the capital and projects after it, across paragraphs (a ceremony's page names the
/// investor in its lead and the capital below), until a sentence names another scope or a report period (the zones' totals).
/// A heading line that names a period ("Riêng tháng 10:") frames the period of its section the same way
/// (FIGURES.md "The document's period carries": a section heading with its own period overrides inside its section only).
/// The period mentions come in text order, as <see cref="PeriodRecognizer.Find"/> gives them.
/// </summary>
public sealed class ContextFrames(string key, DocumentCues cues, TextSpan? title, IReadOnlyList<PeriodMention> periods)
{
    /// <summary>The period the current section's heading names, or null.</summary>
    public PeriodMention? HeadingPeriod { get; private set; }

    private Scope? _heading;
    private (Scope Scope, bool CapitalOnly)? _lead;
    private (Scope Scope, bool CapitalOnly, int Until)? _subject;
    private (Scope Scope, int From)? _owner;
    private int _paragraph = -1;
    private int _sentenceEnd;

    /// <summary>What kind of frame a scope came from, for the figure's rule name.</summary>
    public enum Source
    {
        Heading,
        Lead,
        Subject,
        Owner,
    }

    /// <summary>Updates the frames on entering a sentence (in text order).</summary>
    public void Enter(Sentence sentence, int firstNumber)
    {
        _sentenceEnd = sentence.Span.End;
        if (_subject is { } sub && sub.Until < sentence.Span.Start)
        {
            _subject = null; // a part of a breakdown frames its own clause only
        }

        if (sentence.Paragraph != _paragraph)
        {
            _paragraph = sentence.Paragraph;
            _lead = null;
            _subject = null;
        }

        if (title is { } t && t.Contains(sentence.Span.Start))
        {
            return;
        }

        var text = key[sentence.Span.Start..sentence.Span.End];
        var end = Math.Min(firstNumber, sentence.Span.End) - sentence.Span.Start;
        if (IsHeading(text, firstNumber >= sentence.Span.End) || firstNumber >= sentence.Span.End && IsNumberedLine(sentence.Span))
        {
            var (scope, both) = Named(sentence.Span.Start, sentence.Span.End);
            if (scope is not null || ScopeWords.Starts(text, ScopeWords.HeadingLeads) || ScopeWords.IsEnumerated(text) || text.Length <= 60)
            {
                _heading = both ? null : scope;
            }

            _lead = null;
            _subject = null;
            _owner = null;
            HeadingPeriod = PeriodWithin(sentence.Span);
            return;
        }

        Owner(sentence.Span, firstNumber);

        // The lead clause: the words before the first comma or colon that come before any number.
        var comma = IndexOfLeadEnd(text, end);
        var leadEnd = comma >= 0 ? comma : end;
        var lead = text[..leadEnd];
        if (ScopeWords.ContainsAny(lead, ScopeWords.TotalLeads))
        {
            _heading = null;
            _lead = null;
            _subject = null;
            _owner = null;
            return;
        }

        if (comma >= 0)
        {
            var (scope, both) = Named(sentence.Span.Start, sentence.Span.Start + comma);
            if (both)
            {
                _heading = null;
                _lead = null;
                _subject = null;
            }
            else if (scope is not null)
            {
                _lead = (scope.Value, CapitalOnly(sentence.Span.Start, sentence.Span.Start + comma));
                _subject = null;
            }
            else if (ScopeWords.Starts(lead, ScopeWords.TopicLeads))
            {
                _lead = null; // "Về sản xuất kinh doanh, ...": a new topic of the paragraph, with no scope of its own
                _subject = null;
            }
        }
    }

    /// <summary>A figure's own scope came from the words before it: that subject frames what follows in its paragraph.</summary>
    public void Subject(Scope scope, CueHit hit, bool part)
    {
        if (InvestorCountries.IsCountry(hit.Phrase))
        {
            // An owner ("Nhà đầu tư Nhật Bản hiện có 47 dự án ...") frames like the owner frame, and ends like it.
            _owner = part ? _owner : (scope, hit.Start);
            return;
        }

        var clauseEnd = key.IndexOf(';', hit.Start, _sentenceEnd - hit.Start);
        _subject = (scope, CapitalOnly(hit.Start), part ? (clauseEnd >= 0 ? clauseEnd : _sentenceEnd) : int.MaxValue);
    }

    /// <summary>
    /// The owner frame, from the country on: a sentence naming an investor's country and no other scope word sets it, unless
    /// the country is a part of a total ("trong đó có một dự án ... của nhà đầu tư Singapore"). A sentence naming another scope
    /// word, a report period (a span, a quarter, a year; or a date before its first number: "Tính đến ngày 30/6/2023, các KCN
    /// có ..."), or the zones' projects as a whole before its first number ("tổng vốn đăng ký của các dự án tại KCN ... đã lên
    /// gần 1,3 tỷ USD"; "Ban Quản lý các KCN tỉnh" in a sentence with no number names a guest) ends it.
    /// </summary>
    private void Owner(TextSpan span, int firstNumber)
    {
        (CueHit Hit, Scope Scope)? country = null;
        var named = false;
        var hits = cues.Scopes;
        for (var i = hits.IndexAt(span.Start); i < hits.Count && hits[i].Hit.End <= span.End; i++)
        {
            var (hit, scope) = hits[i];
            if (InvestorCountries.IsCountry(hit.Phrase))
            {
                country ??= (hit, scope);
            }
            else
            {
                named = true;
                if (_heading is { } h && h != scope)
                {
                    _heading = null; // FIGURES.md: a section's scope holds until a sentence names another
                }
            }
        }

        if (country is { } c && !named && !ScopeWords.ContainsAny(key[span.Start..c.Hit.Start], ScopeWords.BreakdownLeads))
        {
            _owner = (c.Scope, c.Hit.Start);
        }
        else if (_owner is not null && (named || country is not null || ReportPeriodWithin(span, firstNumber)
                                        || firstNumber < span.End && ScopeWords.ContainsAny(key[span.Start..firstNumber], ScopeWords.ZoneTotals)))
        {
            _owner = null;
        }
    }

    /// <summary>Whether the scope word at a position names a kind of capital or project ("vốn FDI", "dự án trong nước"), not a population of firms.</summary>
    private bool CapitalOnly(int hitStart)
    {
        var before = Numbers.WordReader.Before(key, hitStart, 3);
        var capital = FigureExtractor.EndsWithAny(before, ScopeWords.CapitalNouns) is not null
                      || key.AsSpan(hitStart).StartsWith(ScopeWords.Capital, StringComparison.Ordinal);
        return capital && FigureExtractor.EndsWithAny(before, ScopeWords.PopulationNouns) is null;
    }

    private bool CapitalOnly(int from, int to)
    {
        var hit = cues.Scopes.Within(from, to).First();
        return InvestorCountries.IsCountry(hit.Hit.Phrase) || CapitalOnly(hit.Hit.Start);
    }

    /// <summary>The scope a figure of this metric takes from its frames, nearest frame first; null when none frames it.</summary>
    public (Scope Scope, Source Source)? Carried(Metric metric, int at)
    {
        if (_subject is { } s && at < s.Until && (!s.CapitalOnly || metric is Metric.Projects or Metric.InvestmentCapital))
        {
            return (s.Scope, Source.Subject);
        }

        if (_lead is { } l && (!l.CapitalOnly || metric is Metric.Projects or Metric.InvestmentCapital))
        {
            return (l.Scope, Source.Lead);
        }

        if (_owner is { } o && at > o.From && metric is Metric.Projects or Metric.InvestmentCapital)
        {
            return (o.Scope, Source.Owner);
        }

        return _heading is { } h ? (h, Source.Heading) : null;
    }

    /// <summary>The one scope a stretch names, and whether it names both (a total: "cả FDI và DDI").</summary>
    private (Scope? Scope, bool Both) Named(int from, int to)
    {
        Scope? found = null;
        foreach (var (_, scope) in cues.Scopes.Within(from, to))
        {
            if (found is { } f && f != scope)
            {
                return (null, true);
            }

            found = scope;
        }

        return (found, false);
    }

    /// <summary>The first period mention inside the span that is neither planned nor a comparison base; the mentions are
    /// in text order (as <see cref="PeriodRecognizer.Find"/> gives them), so a binary search finds the first candidate.</summary>
    private PeriodMention? PeriodWithin(TextSpan span)
    {
        for (var i = FirstAtOrAfter(span.Start); i < periods.Count && periods[i].Start <= span.End; i++)
        {
            var p = periods[i];
            if (p.End <= span.End && !p.Planned && !p.Comparison)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>Whether the span names a report period (not a comparison base or a plan): a span, a quarter or a year anywhere,
    /// a month or a day before its first number (after it, or in a sentence with none, it dates a decision or a completion).</summary>
    private bool ReportPeriodWithin(TextSpan span, int firstNumber)
    {
        for (var i = FirstAtOrAfter(span.Start); i < periods.Count && periods[i].Start < span.End; i++)
        {
            var p = periods[i].Period;
            var month = p.Length == 7 && p[4] == '-' && p[5] is '0' or '1';
            if (!periods[i].Comparison && !periods[i].Planned && (!month || periods[i].End <= firstNumber && firstNumber < span.End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first period mention starting at or after a position (the mentions are in text order).</summary>
    private int FirstAtOrAfter(int at)
    {
        var (low, high) = (0, periods.Count);
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (periods[mid].Start < at)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static int IndexOfLeadEnd(string text, int end)
    {
        for (var i = 0; i < end && i < 120; i++)
        {
            if (text[i] is ',' or ':')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// "II. SẢN XUẤT KINH DOANH", "3. Lao động": the sentence ends its line and the line opens on a number or numeral of its
    /// own, which the sentence splitter cut off ("II." ends a sentence), so the words alone name no heading lead.
    /// </summary>
    private bool IsNumberedLine(TextSpan span)
    {
        var end = span.End;
        while (end < key.Length && key[end] is ' ' or '\t')
        {
            end++;
        }

        if (end < key.Length && key[end] is not ('\n' or '\r'))
        {
            return false;
        }

        var lineStart = span.Start == 0 ? 0 : key.LastIndexOf('\n', span.Start - 1) + 1;
        if (lineStart == span.Start || span.End - lineStart > 100)
        {
            return false;
        }

        var line = key[lineStart..span.End].TrimEnd();
        return !line.EndsWith('.') && ScopeWords.IsEnumerated(line);
    }

    /// <summary>A line of its own that titles what follows: short, with no number, not a finished sentence, or ending in a colon.</summary>
    private static bool IsHeading(string text, bool noNumber)
    {
        var trimmed = text.TrimEnd();
        if (!noNumber || trimmed.Length == 0 || trimmed.Length > 100)
        {
            return false;
        }

        return trimmed.EndsWith(':') || !trimmed.EndsWith('.') && (ScopeWords.IsEnumerated(trimmed) || ScopeWords.Starts(trimmed, ScopeWords.HeadingLeads));
    }
}
