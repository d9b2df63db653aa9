using System.Text.Json;
using Pipeline.Core;

namespace Pipeline.Storage;

/// <summary>Enum values stored as FIGURES.md names (investment_capital), read back the same way.</summary>
public static class Names
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => FigureJson.Name(value);

    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().FirstOrDefault(v => FigureJson.Name(v) == name) is var found && FigureJson.Name(found) == name
            ? found
            : throw new JsonException($"\"{name}\" is not a {typeof(TEnum).Name} name");
}
