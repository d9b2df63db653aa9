namespace Pipeline.Web.Http;

/// <summary>
/// A request parameter the server cannot use: answered 400 naming the parameter, with the message in
/// English (<see cref="Exception.Message"/>, also what the JSON API says) and in Vietnamese for the pages.
/// Built by <see cref="Refusals"/>, which holds every such message in both languages side by side.
/// </summary>
public sealed class BadParameterException(string parameter, string message, string vietnamese) : Exception(message)
{
    public string Parameter { get; } = parameter;

    public string Vietnamese { get; } = vietnamese;
}
