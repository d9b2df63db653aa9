using System.Reflection;
using Pipeline.Learning.Pages;

namespace Pipeline.Learning;

/// <summary>
/// The models committed in models/ and built into this assembly: loaded once, on first use.
/// Their bytes are part of the assembly, so <see cref="Version"/> changes exactly when a model does.
/// </summary>
public static class ShippedModels
{
    private static readonly Lazy<MetricClassifier> MetricModel = new(() => new MetricClassifier(FigureClassifier.Load(Open("metric-classifier.zip"))));
    private static readonly Lazy<MeasureClassifier> MeasureModel = new(() => new MeasureClassifier(FigureClassifier.Load(Open("measure-classifier.zip"))));
    private static readonly Lazy<PageClassifier> PageModel = new(() => PageClassifier.Load(Open("page-classifier.zip")));

    private static readonly Lazy<Combining.CombinePolicy> PolicyValue = new(() =>
    {
        using var reader = new StreamReader(Open("combine-policy.json"));
        return Combining.CombinePolicy.FromJson(reader.ReadToEnd());
    });

    public static MetricClassifier Metric => MetricModel.Value;

    /// <summary>When the metric model overrules the rules (models/combine-policy.json).</summary>
    public static Combining.CombinePolicy Policy => PolicyValue.Value;

    public static MeasureClassifier Measure => MeasureModel.Value;

    /// <summary>The page classifier: a report (figures for a period) or a project, event, notice, procedure, job or photo page.</summary>
    public static PageClassifier Page => PageModel.Value;

    /// <summary>A short id of this assembly (code and models), for the extractor version stored with each document.</summary>
    public static string Version { get; } = typeof(ShippedModels).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    /// <summary>Opens a shipped model by file name (e.g. "metric-classifier.zip").</summary>
    public static Stream Open(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"models/{name}")
        ?? throw new FileNotFoundException($"the model {name} is not built into {typeof(ShippedModels).Assembly.GetName().Name}; run `pipeline train` and rebuild", name);
}
