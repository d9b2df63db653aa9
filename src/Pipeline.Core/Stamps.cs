using System.Globalization;

namespace Pipeline.Core;

/// <summary>Times as the database stores them: UTC, ISO 8601 to the millisecond, so they sort as text.</summary>
public static class Stamps
{
    public static string Of(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string stamp) => DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
