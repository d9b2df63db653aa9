using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Pipeline.Learning.Pages;
using Pipeline.Search;
using Pipeline.Web.Http;

namespace Pipeline.Web.Pages;

/// <summary>
/// A search as the URL holds it: the words, the filters, the order and the page. The search page and
/// GET /api/search read the same parameters, and every link of the page (facets, sort, paging, the other
/// language) is this state with one thing changed, so a link can be shared and the back button restores it.
/// </summary>
public sealed partial record SearchQuery
{
    /// <summary>Hits per page of the search page.</summary>
    public const int PageSize = 10;

    /// <summary>The most hits one API answer may hold.</summary>
    public const int MaxLimit = 100;

    public const string Relevance = "relevance";
    public const string Date = "date";

    public static readonly IReadOnlyList<string> Sorts = [Relevance, Date];

    /// <summary>The parameters of the page; the API takes offset and limit instead of page.</summary>
    public static readonly IReadOnlyList<string> PageParameters = ["q", "province", "from", "to", "type", "metric", "min", "max", "unit", "sort", "page"];

    public static readonly IReadOnlyList<string> ApiParameters = [.. PageParameters.Where(p => p != "page"), "offset", "limit"];

    public static int MaxPage => (RequestCheck.MaxOffset / PageSize) + 1;

    public string? Q { get; init; }
    public string? Province { get; init; }
    public int? From { get; init; }
    public int? To { get; init; }
    public string? Type { get; init; }
    public string? Metric { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public string? Unit { get; init; }

    /// <summary>"relevance" (the default, left out of links) or "date".</summary>
    public string? Sort { get; init; }

    /// <summary>The page of the search page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Hits to skip (API).</summary>
    public int Offset { get; init; }

    /// <summary>Hits per answer.</summary>
    public int Limit { get; init; } = PageSize;

    /// <summary>True when nothing is asked yet: the page shows the empty form.</summary>
    public bool IsEmpty => Q is null && !HasFilter;

    /// <summary>A filter on the documents' figures (metric, value range, unit).</summary>
    public bool HasFigureFilter => Metric is not null || Min is not null || Max is not null || Unit is not null;

    public bool HasFilter => Province is not null || From is not null || To is not null || Type is not null || Metric is not null || Min is not null || Max is not null || Unit is not null;

    /// <summary>The search page's state from its query string; a malformed value is a 400 naming it.</summary>
    public static SearchQuery ForPage(IQueryCollection query)
    {
        var p = new Params(query, PageParameters);
        var page = p.Int("page", 1, MaxPage) ?? 1;
        return Common(p) with { Page = page, Offset = (page - 1) * PageSize, Limit = PageSize };
    }

    /// <summary>The API's request from its query string.</summary>
    public static SearchQuery ForApi(IQueryCollection query)
    {
        var p = new Params(query, ApiParameters);
        return Common(p) with { Offset = p.Int("offset", 0, RequestCheck.MaxOffset) ?? 0, Limit = p.Int("limit", 1, MaxLimit) ?? PageSize };
    }

    private static SearchQuery Common(Params p) => new()
    {
        Q = p.Text("q"),
        Province = p.Text("province", 100),
        From = p.Int("from", 1900, 2100),
        To = p.Int("to", 1900, 2100),
        Type = p.Choice("type", PageTypes.All),
        Metric = p.Text("metric", 100),
        Min = p.Decimal("min"),
        Max = p.Decimal("max"),
        Unit = p.Text("unit", 40),
        Sort = p.Choice("sort", Sorts) is Date ? Date : null,
    };

    /// <summary>The library's request; the province, metric and unit are checked (and put in the index's spelling) by the library.</summary>
    public SearchRequest ToRequest() => new()
    {
        Text = Q,
        Province = Province,
        FromYear = From,
        ToYear = To,
        PageType = Type,
        Metric = Metric,
        Min = Min,
        Max = Max,
        Unit = Unit,
        Limit = Limit,
        Offset = Offset,
        Sort = Sort == Date ? SearchSort.Date : SearchSort.Relevance,
    };

    /// <summary>The page's parameters as a link writes them (empty ones are left out by <see cref="Html.Links"/>).</summary>
    public IEnumerable<(string Name, string? Value)> PageLinkParameters(string? lang) =>
    [
        ("q", Q), ("province", Province), ("from", Number(From)), ("to", Number(To)), ("type", Type), ("metric", Metric),
        ("min", Number(Min)), ("max", Number(Max)), ("unit", Unit), ("sort", Sort), ("page", Page > 1 ? Number(Page) : null), ("lang", lang),
    ];

    /// <summary>The search page's link to this state.</summary>
    public string Link(string? lang) => Html.Links.To("/", PageLinkParameters(lang));

    private static string? Number(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Number(decimal? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The library's objections in this interface's words and languages: its parameters are named as the CLI
    /// names them ("--to", "query"); here they are the URL's ("to", "q"), and each is said again in Vietnamese
    /// from this query's own values.
    /// </summary>
    /// <param name="e">The library's objections.</param>
    /// <param name="units">The units a filter accepts (the extractor's and the index's).</param>
    public BadParameterException Refused(SearchUsageException e, IReadOnlyCollection<string> units) =>
        Refusals.All([.. e.Problems.Select(p => Refused(p, units))]);

    private BadParameterException Refused(Problem problem, IReadOnlyCollection<string> units)
    {
        var name = ParameterName(problem.Parameter);
        return name switch
        {
            "province" when Province is { } typed => Refusals.UnknownProvince(typed, Application.FigureQueries.ClosestProvince(typed)),
            "metric" when Metric is { } metric => Refusals.NotOneOf("metric", Application.FigureQueries.Metrics.Order(StringComparer.Ordinal), metric),
            "unit" when Unit is { } unit => Refusals.NotOneOf("unit", units.Order(StringComparer.Ordinal), unit),
            "min" or "max" when Min > Max => Refusals.Swapped("min", Min, "max", Max),
            "from" or "to" when From > To => Refusals.Swapped("from", From, "to", To),
            "q" => Refusals.NoQuery(),
            _ => Own(name, CliOption().Replace(problem.Message, m => ParameterName(m.Groups[1].Value))),
        };

        // Anything else the library objects to keeps its own (English) words on both pages, behind the parameter's name.
        static BadParameterException Own(string name, string message) => new(name, $"'{name}': {message}", $"'{name}': {message}");
    }

    private static string ParameterName(string library) => library == "query" ? "q" : library;

    [GeneratedRegex(@"--([a-z]+)")]
    private static partial Regex CliOption();
}
