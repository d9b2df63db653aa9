namespace Pipeline.Web.Http;

/// <summary>A request parameter the server cannot use: answered 400 with this message, naming the parameter.</summary>
public sealed class BadParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
