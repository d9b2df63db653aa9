using Pipeline.Search.Analysis;
using Pipeline.Search.Language;

namespace Pipeline.Search;

/// <summary>What a slot stands for: a word, a place (a province named in any of its names), a word that names a metric, or a name typed with capitals.</summary>
public enum SlotKind
{
    Word,
    Place,
    Metric,
    Name,
}

/// <summary>
/// One way to satisfy a slot. <see cref="Words"/> are in the index's exact spelling; <see cref="Readings"/>
/// (same length, or null) are how an unaccented or Telex word was read; a phrase needs its words side by side.
/// <see cref="Typed"/> is the form the user typed (scored above the equivalent forms). <see cref="Telex"/>: the readings
/// are the Telex reading of the words ("tees" → "tế"), what the user meant, so they score as that accented form typed
/// would, the letters typed staying a match of their own (a plain word that only looks like Telex, "as").
/// </summary>
public sealed record Alternative(IReadOnlyList<string> Words, bool Phrase, bool Typed, IReadOnlyList<string>? Readings = null, string? Province = null, int? Year = null, bool Telex = false);

/// <summary>One thing a document should have, satisfied by any of its alternatives; <see cref="Label"/> is the query's words for it.
/// <see cref="Metric"/> is the metric a metric word names ("nộp ngân sách" → budget_contribution).</summary>
public sealed record Slot(string Label, SlotKind Kind, IReadOnlyList<Alternative> Alternatives, string? Metric = null)
{
    /// <summary>A place, a name or a metric word: kept as a requirement (a metric word as its metric) even when documents matching most of the words are listed.</summary>
    public bool Key => Kind is SlotKind.Place or SlotKind.Metric or SlotKind.Name;
}

/// <summary>
/// A query read into slots: each query word (or phrase, or OR group) is a slot; words that spell a form of
/// an <see cref="Equivalents"/> row or a province's name become one slot whose alternatives are every form.
/// Built once per search; pure apart from the optional reading of unaccented words.
/// </summary>
/// <param name="Slots">What the documents should have, in query order.</param>
/// <param name="Excluded">What they must not have ("-word").</param>
/// <param name="TypedWords">Every word typed, in order.</param>
/// <param name="Provinces">The provinces the query names.</param>
/// <param name="TelexWords">The typed words as meant: a word read as Telex as read, any other as typed; null when nothing is read as Telex.</param>
public sealed record QueryPlan(IReadOnlyList<Slot> Slots, IReadOnlyList<Alternative> Excluded, IReadOnlyList<string> TypedWords, IReadOnlyList<string> Provinces,
    IReadOnlyList<string>? TelexWords = null)
{
    public bool IsEmpty => Slots.Count == 0 && Excluded.Count == 0;

    /// <summary>Every word a snippet should mark: what was typed (as read) and the one-word equivalent forms ("FDI"); the
    /// words of a longer equivalent or of a place's other names are common alone ("có", "thành phố"), so they are not marked.</summary>
    public IReadOnlyList<string> HighlightWords => [.. Slots.SelectMany(s => s.Alternatives.Where(a => a.Typed || (s.Kind != SlotKind.Place && a.Words.Count == 1)))
        .SelectMany(a => a.Readings is { } r ? a.Words.Zip(r, (w, x) => x.Any(c => c >= '\u0080') ? x : w) : a.Words).Distinct()];

    /// <param name="text">The query as typed.</param>
    /// <param name="vocabulary">The provinces and metric phrases a query's words may name.</param>
    /// <param name="restore">Reads an all-unaccented query's words with their likely accents (from the index), or null.</param>
    public static QueryPlan Build(string? text, SearchVocabulary vocabulary, Func<IReadOnlyList<string>, IReadOnlyList<string>?>? restore = null)
    {
        var parsed = QuerySyntax.Parse(text);
        var typed = parsed.Parts.SelectMany(p => p.Alternatives).SelectMany(t => t.Words).ToList();
        var (readings, telex) = Readings(text ?? "", parsed, typed, restore);

        var metric = MetricCoverage(vocabulary, Fold(typed), readings is null ? null : Fold(readings));
        var slots = new List<Slot>();
        var provinces = new List<string>();
        var at = 0; // index into typed words (and readings)
        var parts = parsed.Parts;
        for (var p = 0; p < parts.Count;)
        {
            var part = parts[p];
            if (part.Alternatives.Count > 1 || part.Alternatives[0].Quoted)
            {
                var alternatives = new List<Alternative>();
                foreach (var term in part.Alternatives)
                {
                    alternatives.Add(new Alternative(term.Words, Phrase: term.Words.Count > 1, Typed: true, Slice(readings, at, term.Words.Count), Telex: telex));
                    at += term.Words.Count;
                }

                slots.Add(new Slot(string.Join(" OR ", part.Alternatives.Select(t => t.Quoted ? $"\"{string.Join(' ', t.Words)}\"" : string.Join(' ', t.Words))), SlotKind.Word, alternatives));
                p++;
                continue;
            }

            // A run of plain words: the longest place or equivalent phrase starting here, else one word.
            var run = new List<string>();
            for (var q = p; q < parts.Count && parts[q].Alternatives is [{ Quoted: false, Words.Count: 1 }]; q++)
            {
                run.Add(parts[q].Alternatives[0].Words[0]);
            }

            var runReadings = Slice(readings, at, run.Count);
            var (length, slot) = Phrase(vocabulary, run, runReadings, telex, metric.AsSpan(at, run.Count));
            if (length == 1 && slot.Kind == SlotKind.Word && Name(vocabulary, parts, p, run, runReadings, telex, metric.AsSpan(at, run.Count)) is { } name)
            {
                (length, slot) = (name.Alternatives[0].Words.Count, name);
            }
            if (slot.Alternatives.FirstOrDefault(a => a.Province is not null)?.Province is { } province)
            {
                provinces.Add(province);
            }

            slots.Add(slot);
            p += length;
            at += length;
        }

        var excluded = parsed.Excluded.Select(t => new Alternative(t.Words, Phrase: t.Words.Count > 1, Typed: true)).ToList();
        // The words as meant: each Telex word as read, each word read as typed as typed ("du an DDI" stays, not "du an đi").
        var meant = slots.SelectMany(s => s.Alternatives.Where(a => a.Typed)).SelectMany(a => a.Telex ? a.Readings! : a.Words).ToList();
        var telexWords = slots.Any(s => s.Alternatives.Any(a => a.Telex)) && meant.Count == typed.Count ? meant : null;
        return new QueryPlan(slots, excluded, typed, provinces, telexWords);
    }

    /// <summary>
    /// Capitalised words typed side by side ("Vũng Áng", "Vân Phong", "Phố Nối A") are a name, matched as a phrase:
    /// apart, their syllables match unrelated words ("văn phòng"). Stops before a place or an equivalent phrase.
    /// </summary>
    private static Slot? Name(SearchVocabulary vocabulary, IReadOnlyList<QueryPart> parts, int p, List<string> run, IReadOnlyList<string>? readings, bool telex, ReadOnlySpan<string?> metric)
    {
        var length = 0;
        while (length < run.Count && IsCapitalised(parts[p + length].Alternatives[0].Typed)
            && (length == 0 || Phrase(vocabulary, run.GetRange(length, run.Count - length), Slice(readings, length, run.Count - length), telex, metric[length..]).Length == 1))
        {
            length++;
        }

        return length < 2 ? null
            : new Slot(string.Join(' ', run.Take(length)), SlotKind.Name, [new Alternative([.. run.Take(length)], Phrase: true, Typed: true, Slice(readings, 0, length), Telex: telex)]);
    }

    // "Vũng", "Áng", "A": a capital first; an all-capitals abbreviation ("KKT", "VSIP") is not part of a name.
    private static bool IsCapitalised(string typed) =>
        typed.Length > 0 && char.IsUpper(typed[0]) && (typed.Length == 1 || !typed.Where(char.IsLetter).All(char.IsUpper));

    private static IReadOnlyList<string>? Slice(IReadOnlyList<string>? readings, int at, int count) =>
        readings is null ? null : [.. readings.Skip(at).Take(count)];

    /// <summary>Telex readings of an all-ASCII query (Telex true), else the accents restored from the index, else null.</summary>
    private static (IReadOnlyList<string>? Readings, bool Telex) Readings(string text, ParsedQuery parsed, List<string> typed, Func<IReadOnlyList<string>, IReadOnlyList<string>?>? restore)
    {
        if (typed.Count == 0 || text.Any(c => c > '\u007F'))
        {
            return (null, false);
        }

        var telex = parsed.Parts.SelectMany(p => p.Alternatives).SelectMany(t => t.Words)
            .Select(w => Telex.Read(w) is { } r && QueryBuilder.Words(r) is [var one] ? one : w).ToList();
        if (!telex.SequenceEqual(typed))
        {
            return (telex, true);
        }

        return (restore?.Invoke(typed) is { } restored && restored.Count == typed.Count ? restored : null, false);
    }

    private static readonly IReadOnlyList<(string[] Words, int Row)> EquivalentPhrases =
        [.. Equivalents.Table.SelectMany((e, row) => e.Forms.Select(f => (Words: Fold(QueryBuilder.Words(f)), Row: row)))
            .OrderByDescending(p => p.Words.Length)];

    private static readonly HashSet<string> Prefixes = ["tp", "tinh"];

    private static string[] Fold(IEnumerable<string> words) => [.. words.Select(VietnameseFold.Full)];

    /// <summary>The slot starting at the run's first word, and how many words it takes. <paramref name="telex"/>: the readings are Telex.</summary>
    /// <remarks>Letters that spell a table's form as typed ("DDI", not the Telex "đi") are read as typed: their Telex reading stays a fallback.</remarks>
    private static (int Length, Slot Slot) Phrase(SearchVocabulary vocabulary, List<string> run, IReadOnlyList<string>? readings, bool telex, ReadOnlySpan<string?> metric)
    {
        var plain = Fold(run);
        var read = readings is null ? plain : Fold(readings);

        // A province, with its "TP."/"tỉnh" if typed: "TP.HCM", "tinh Ha Nam", "Sai Gon".
        var prefix = plain.Length > 1 && Prefixes.Contains(plain[0]) ? 1 : plain is ["thanh", "pho", _, ..] ? 2 : 0;
        foreach (var skip in prefix > 0 ? new[] { prefix, 0 } : [0])
        {
            foreach (var (words, name) in vocabulary.Places.Phrases)
            {
                if (StartsWith(plain, skip, words) || StartsWith(read, skip, words))
                {
                    var length = skip + words.Length;
                    var typed = run.Take(length).ToList();
                    var alternatives = new List<Alternative> { new(typed, Phrase: typed.Count > 1, Typed: true, readings?.Take(length).ToList(), Telex: telex && !StartsWith(plain, skip, words)) };
                    // The name as typed or read ("Ddoongf Nai" is "Đồng Nai") is the typed alternative, not another name.
                    alternatives.AddRange(vocabulary.Places.Table.First(p => p.Name == name).OtherNames.Prepend(name)
                        .Select(n => QueryBuilder.Words(n)).Where(w => !Fold(w).SequenceEqual(Fold(typed)) && (readings is null || !Fold(w).SequenceEqual(Fold(readings.Take(length)))))
                        .Select(w => new Alternative(w, Phrase: true, Typed: false)));
                    alternatives.Add(new Alternative([], Phrase: false, Typed: false, Province: name));
                    return (length, new Slot(string.Join(' ', typed), SlotKind.Place, alternatives));
                }
            }
        }

        foreach (var (words, row) in EquivalentPhrases)
        {
            if (StartsWith(plain, 0, words) || StartsWith(read, 0, words))
            {
                var typed = run.Take(words.Length).ToList();
                var alternatives = new List<Alternative> { new(typed, Phrase: typed.Count > 1, Typed: true, readings?.Take(words.Length).ToList(), Telex: telex && !StartsWith(plain, 0, words)) };
                alternatives.AddRange(Equivalents.Table[row].Forms.Select(QueryBuilder.Words)
                    .Where(w => !Fold(w).SequenceEqual(Fold(typed)) && (readings is null || !Fold(w).SequenceEqual(Fold(readings.Take(words.Length)))))
                    .Select(w => new Alternative(w, Phrase: true, Typed: false)));
                var named = FirstMetric(metric[..words.Length]);
                return (words.Length, new Slot(string.Join(' ', typed), named is null ? SlotKind.Word : SlotKind.Metric, alternatives, named));
            }
        }

        var word = run[0];
        var reading = readings?[0];
        var single = new Alternative([word], Phrase: false, Typed: true, reading is null ? null : [reading], Telex: telex);
        if (Year(word) is { } year)
        {
            return (1, new Slot(word, SlotKind.Word, [single, new Alternative([], Phrase: false, Typed: false, Year: year)]));
        }

        return (1, new Slot(word, metric[0] is null ? SlotKind.Word : SlotKind.Metric, [single], metric[0]));
    }

    private static string? FirstMetric(ReadOnlySpan<string?> metrics)
    {
        foreach (var m in metrics)
        {
            if (m is not null)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>Which query words belong to a phrase that names a metric (the extractor's cue table: "xuất khẩu", "lấp đầy", "vốn").</summary>
    private static string?[] MetricCoverage(SearchVocabulary vocabulary, string[] plain, string[]? read)
    {
        var covered = new string?[plain.Length];
        foreach (var words in read is null ? [plain] : new[] { plain, read })
        {
            for (var i = 0; i < words.Length; i++)
            {
                foreach (var (m, name) in vocabulary.MetricWords)
                {
                    if (StartsWith(words, i, m))
                    {
                        covered.AsSpan(i, m.Length).Fill(name);
                    }
                }
            }
        }

        return covered;
    }

    private static bool StartsWith(string[] run, int at, string[] words) =>
        at + words.Length <= run.Length && run.AsSpan(at, words.Length).SequenceEqual(words);

    private static int? Year(string word) =>
        word.Length == 4 && int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100 ? y : null;
}
