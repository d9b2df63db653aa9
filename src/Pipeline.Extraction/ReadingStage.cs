namespace Pipeline.Extraction;

/// <summary>The steps of reading one document, in order, reported to a caller that shows progress on a large input.</summary>
public enum ReadingStage
{
    /// <summary>The page's article (HTML) or the text's lines, title and date.</summary>
    Article,

    /// <summary>Every number, amount and bound (the numbers layer).</summary>
    Numbers,

    /// <summary>Periods, the document's own period, and each sentence's figures.</summary>
    Figures,

    /// <summary>Figures read from tables.</summary>
    Tables,

    /// <summary>The metric model's second look where the rules are unsure.</summary>
    Model,

    /// <summary>The page type (report, project, event…).</summary>
    PageType,
}
