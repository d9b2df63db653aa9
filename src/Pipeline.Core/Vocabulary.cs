namespace Pipeline.Core;

/// <summary>What a figure measures (FIGURES.md "metric"). Serialised in snake_case.</summary>
public enum Metric
{
    Other,
    Projects,
    InvestmentCapital,
    ProductionValue,
    Revenue,
    ExportValue,
    ImportValue,
    TradeValue,
    BudgetContribution,
    Labour,
    Enterprises,
    LandArea,
    OccupancyRate,
    OutputQuantity,
    AdminProcedures,
}

/// <summary>How a figure relates to its metric (FIGURES.md "measure"); Ratio and ChangePp are documented extensions.</summary>
public enum Measure
{
    Level,
    Change,
    ChangePct,
    PctOfPlan,
    PctOfSamePeriod,
    SharePct,
    /// <summary>"gấp 1,5 lần cùng kỳ": value 1.5, unit "times".</summary>
    Ratio,
    /// <summary>"tăng 2,3 điểm phần trăm": a change in percentage points, unit "percent".</summary>
    ChangePp,
}

/// <summary>The bound a qualifier puts on a number (FIGURES.md "approx").</summary>
public enum Approx
{
    Exact,
    About,
    Over,
    Under,
    Nearly,
}

/// <summary>Whose capital or projects a figure counts.</summary>
public enum Scope
{
    Fdi,
    Domestic,
}

/// <summary>The unit strings of FIGURES.md, in one place.</summary>
public static class Units
{
    public const string Vnd = "VND";
    public const string Usd = "USD";
    public const string Percent = "percent";
    public const string Project = "project";
    public const string Worker = "worker";
    public const string Enterprise = "enterprise";
    public const string Procedure = "procedure";
    public const string Hectare = "ha";
    public const string SquareMetre = "m2";
    public const string CubicMetre = "m3";
    public const string Tonne = "tonne";
    public const string Item = "item";
    public const string Count = "count";
    public const string Times = "times";

    public static bool IsMoney(string unit) => unit.Length == 3 && unit.All(char.IsAsciiLetterUpper);
}
