using Pipeline.Core;
using Pipeline.Search.Language;

namespace Pipeline.Search;

/// <summary>One thing wrong with a request: which parameter (as the CLI option is named, without "--") and what is wrong, in the user's words.</summary>
public sealed record Problem(string Parameter, string Message)
{
    public override string ToString() => $"--{Parameter}: {Message}";
}

/// <summary>A request that cannot be run as given; every problem found is listed at once.</summary>
public sealed class SearchUsageException(IReadOnlyList<Problem> problems) : ArgumentException(string.Join("; ", problems))
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
}

/// <summary>
/// Checks what the user typed against known values before searching, so a typo is an error and never
/// looks like "no data": an empty query without filters, a limit below one, reversed ranges, an unknown
/// metric, unit or province, a subject with no word. Values given in another case or spelling are put in the index's form
/// ("ho chi minh" → "TP. Hồ Chí Minh", "LABOUR" → "labour", "usd" → "USD").
/// </summary>
public static class RequestCheck
{
    /// <summary>The metric names figures carry.</summary>
    public static readonly IReadOnlyList<string> Metrics = [.. Enum.GetValues<Metric>().Select(m => FigureJson.Name(m)).Order(StringComparer.Ordinal)];

    /// <summary>The deepest a request may page: ranking ever more candidates costs ever more, and nobody reads that far.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>The request in the index's spellings, and every problem with it.</summary>
    /// <param name="request">The request as typed.</param>
    /// <param name="vocabulary">The provinces and units known.</param>
    /// <param name="indexUnits">The units an index holds, when known; they count as allowed besides <see cref="SearchVocabulary.Units"/>.</param>
    public static (SearchRequest Request, IReadOnlyList<Problem> Problems) Normalize(SearchRequest request, SearchVocabulary vocabulary, IReadOnlyCollection<string>? indexUnits = null)
    {
        var problems = new List<Problem>();
        var hasFilter = request.Province is not null || request.FromYear is not null || request.ToYear is not null || request.PageType is not null || request.HasFigureFilter;
        if (QuerySyntax.Parse(request.Text).IsEmpty && !hasFilter)
        {
            problems.Add(new Problem("query", request.Text is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t)
                ? $"\"{t}\" has no word to search for; give words, or filters such as --province, --from/--to, --type, --metric, --subject"
                : "give words to search for, or filters such as --province, --from/--to, --type, --metric, --subject"));
        }

        if (request.Limit < 1)
        {
            problems.Add(new Problem("limit", $"must be 1 or more, not {request.Limit}"));
        }

        if (request.Offset is < 0 or > MaxOffset)
        {
            problems.Add(new Problem("offset", $"must be from 0 to {MaxOffset}, not {request.Offset}"));
        }

        if (request.Min is { } min && request.Max is { } max && min > max)
        {
            problems.Add(new Problem("min", $"{min} is above --max {max}; did you swap them?"));
        }

        if (request.FromYear is { } from && request.ToYear is { } to && from > to)
        {
            problems.Add(new Problem("from", $"{from} is after --to {to}; did you swap them?"));
        }

        var metric = request.Metric;
        if (metric is not null)
        {
            metric = Metrics.FirstOrDefault(m => string.Equals(m, metric.Trim(), StringComparison.OrdinalIgnoreCase));
            if (metric is null)
            {
                problems.Add(new Problem("metric", $"unknown metric '{request.Metric}'; one of: {string.Join(", ", Metrics)}"));
            }
        }

        var unit = request.Unit;
        if (unit is not null)
        {
            var known = (indexUnits ?? []).Concat(vocabulary.Units).Distinct().ToList();
            unit = known.FirstOrDefault(u => u == unit.Trim()) ?? known.FirstOrDefault(u => string.Equals(u, unit.Trim(), StringComparison.OrdinalIgnoreCase));
            if (unit is null)
            {
                problems.Add(new Problem("unit", $"unknown unit '{request.Unit}'; one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}"));
            }
        }

        if (request.Subject is { } subject && Subjects.Words(subject).Count == 0)
        {
            problems.Add(new Problem("subject", $"'{subject}' names nothing; give a zone, company or project, such as \"KCN Quế Võ\""));
        }

        var province = request.Province;
        if (province is not null)
        {
            province = vocabulary.Places.Resolve(province);
            if (province is null)
            {
                problems.Add(new Problem("province", $"unknown province '{request.Province}'; did you mean '{vocabulary.Places.Closest(request.Province!)}'?"));
            }
        }

        return (request with { Metric = metric ?? request.Metric, Unit = unit ?? request.Unit, Province = province ?? request.Province }, problems);
    }
}
