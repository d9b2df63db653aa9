namespace Pipeline.Search;

/// <summary>The three spellings of indexed text.</summary>
public enum Spelling
{
    Exact,
    Tones,
    Full,
}

/// <summary>Field names of the index. Documents and figures live in one index, told apart by <see cref="Kind"/>.</summary>
public static class Fields
{
    public const string Kind = "kind";
    public const string KindDocument = "document";
    public const string KindFigure = "figure";

    // Documents
    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
    public const string Board = "board";
    public const string Province = "province";
    public const string Published = "published";
    public const string Year = "year";
    public const string Period = "period";
    public const string Metrics = "metrics";

    /// <summary>What kind of page the document is (report, project, event, …), as the page classifier said; "" when unknown.</summary>
    public const string PageType = "page_type";
    public const string TitleExact = "title_exact";
    public const string TitleTones = "title_tones";
    public const string TitleFull = "title_full";
    public const string TextExact = "text_exact";
    public const string TextTones = "text_tones";
    public const string TextFull = "text_full";


    // Figures (each also carries Id, Province and Year of its document, for filtering)
    public const string Metric = "metric";
    public const string Measure = "measure";
    public const string Value = "value";
    public const string Unit = "unit";
    public const string Scope = "scope";
    public const string Target = "target";

    /// <summary>What the figure is about, as <see cref="Language.Subjects.Words"/> writes it (each run of neighbouring words a term); "" when none.</summary>
    public const string Subject = "subject";
    public const string Json = "json";

    /// <summary>Trie precision of numeric fields: coarser than Lucene's default 4, so fewer terms per value
    /// (faster writes, smaller index); range queries must use the same step.</summary>
    public const int NumericStep = 8;

    /// <summary>Every analysed field with its spelling.</summary>
    public static readonly IReadOnlyList<(string Field, Spelling Spelling)> Spellings =
    [
        (TitleExact, Spelling.Exact), (TitleTones, Spelling.Tones), (TitleFull, Spelling.Full),
        (TextExact, Spelling.Exact), (TextTones, Spelling.Tones), (TextFull, Spelling.Full),
    ];
}
