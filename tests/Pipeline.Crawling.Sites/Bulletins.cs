using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Crawling.Sites;

/// <summary>An article to publish on a test site: the project's own bulletin text, split into its parts.</summary>
public sealed record Bulletin(string Slug, string Title, DateOnly Date, IReadOnlyList<string> Paragraphs)
{
    /// <summary>The body as the article extractor should return it.</summary>
    public string Gold => string.Join("\n\n", Paragraphs);
}

/// <summary>Reads the bundled corpus bulletins (corpus/bulletins/*.txt) as articles for the test sites.</summary>
public static partial class Bulletins
{
    public static readonly string Root = Repo.Root;

    /// <summary>Page furniture some corpus files keep (they imitate what crawlers saw); never part of an article body.</summary>
    public static readonly string[] Furniture =
    [
        "Chia sẻ", "In bài", "Gửi email", "Lượt xem", "Lượt đọc", "Tin liên quan", "Tin khác", "Bản in", "Quay lại", "cỡ chữ", "Skip",
        "Portlet", "Thống kê truy cập", "Đang truy cập", "Trang chủ", "Bình luận", "Ý kiến bạn đọc", "Bản quyền", "Liên hệ",
    ];

    public static IReadOnlyList<Bulletin> All { get; } = Load();

    private static List<Bulletin> Load()
    {
        var result = new List<Bulletin>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "corpus", "bulletins"), "*.txt").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllText(file).Replace("\r", "", StringComparison.Ordinal).Split('\n');
            var title = lines.Select(l => l.Trim()).First(l => l.Length >= 30 && !Furniture.Any(f => l.Contains(f, StringComparison.Ordinal)));
            var date = lines.Take(4).Select(l => DateLine().Match(l)).FirstOrDefault(m => m.Success) is { } m
                ? DateOnly.ParseExact(m.Groups[1].Value.PadLeft(2, '0') + "/" + m.Groups[2].Value.PadLeft(2, '0') + "/" + m.Groups[3].Value, "dd/MM/yyyy", CultureInfo.InvariantCulture)
                : new DateOnly(2020, 1, 1);
            var paragraphs = string.Join('\n', lines.Skip(1)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
                .Where(p => p.Length >= 80 && p != title && !Furniture.Any(f => p.Contains(f, StringComparison.Ordinal)) && !(p.Length < 120 && DateLine().IsMatch(p)))
                .ToList();
            if (paragraphs.Count > 0)
            {
                result.Add(new Bulletin(Path.GetFileNameWithoutExtension(file), title, date, paragraphs));
            }
        }

        return result;
    }

    [GeneratedRegex(@"(\d{1,2})/(\d{1,2})/(\d{4})")]
    private static partial Regex DateLine();
}
