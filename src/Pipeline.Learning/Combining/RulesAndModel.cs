namespace Pipeline.Learning.Combining;

/// <summary>
/// When the model may overrule the rules; chosen by <see cref="PolicyTuner"/> and shipped as models/combine-policy.json. <see cref="RulesStand"/>: a rules' figure at this confidence
/// or more keeps its metric whatever the model says. <see cref="ModelDecides"/>: below it, the model's
/// label replaces the rules' only when the model gives it at least this probability.
/// </summary>
public sealed record CombinePolicy(double RulesStand, double ModelDecides)
{
    /// <summary>The policy as models/combine-policy.json stores it.</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json) + "\n";

    public static CombinePolicy FromJson(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<CombinePolicy>(json, Json) ?? throw new FormatException("empty combine policy");

    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
}

/// <summary>One figure's metric as decided: the label, how sure, and whether the model decided it.</summary>
public sealed record Verdict(string Label, double Confidence, bool ByModel);

/// <summary>Rules and model together, on one figure. Pure.</summary>
public static class RulesAndModel
{
    /// <param name="rules">The rules' label ("none" when they found no figure there: nothing to decide).</param>
    /// <param name="rulesConfidence">The rules' confidence, 0 to 1.</param>
    /// <param name="model">The model's label.</param>
    /// <param name="modelScore">The model's probability for its label.</param>
    /// <param name="fits">Whether the model's label suits the figure's unit.</param>
    /// <param name="policy">The thresholds.</param>
    public static Verdict Decide(string rules, double rulesConfidence, string model, double modelScore, bool fits, CombinePolicy policy)
    {
        if (rules == "none" || rulesConfidence >= policy.RulesStand || model == rules || !fits || modelScore < policy.ModelDecides)
        {
            return new Verdict(rules, rulesConfidence, ByModel: false);
        }

        return new Verdict(model, Math.Round(modelScore, 2), ByModel: true);
    }
}
