using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Pipeline.Web.Http;

/// <summary>
/// The stylesheet, script and images, embedded in the assembly and served from memory by name: a request
/// path is only ever a key into this fixed set, never a file name, and nothing is fetched from another host.
/// </summary>
public static class Assets
{
    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type, string ETag)> Files = Load();

    public static IReadOnlyCollection<string> Names => Files.Keys;

    public static void MapAssets(this IEndpointRouteBuilder app) => app.MapGet("/assets/{name}", (string name, HttpContext http) =>
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(file.Bytes, file.Type, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(file.ETag));
    });

    private static FrozenDictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(Assets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            var etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"";
            files[resource["assets/".Length..]] = (bytes, TypeOf(resource), etag);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string TypeOf(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
