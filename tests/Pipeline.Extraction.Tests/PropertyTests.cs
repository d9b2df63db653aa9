using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pipeline.Core;

namespace Pipeline.Extraction.Tests;

/// <summary>Random and mutated text thrown at both layers: no exception escapes, every offset stays honest.</summary>
public class PropertyTests
{
    private static readonly string[] Bulletins = Directory.GetFiles(Repo.Path("corpus", "bulletins"), "*.txt").Order()
        .Select(p => File.ReadAllText(p, Encoding.UTF8)).ToArray();

    private static readonly string[] Splices =
    [
        "2.599,5", "1,200.5", "3.131.93", "(((", ")))", "%%", "tỷ tỷ tỷ", "khoảng hơn gần", "\u0000", "\uFFFD", "<p>", "</div>", "lần lượt là",
        "cùng kỳ", "9999999999999999999999999999999 tỷ", "Ð", "\u0301\u0301", "từ", "đến", "-", "/", ";", "\n\n", "gấp", "quý IV/",
    ];

    private static bool Honest(string text)
    {
        var document = DocumentExtractor.Extract("p", text);
        var (prepared, _) = DocumentExtractor.Read(text);
        return document.Figures.All(f => f.Start >= 0 && f.End <= prepared.Clean.Length && f.Start < f.End
                                         && prepared.Clean[f.Start..f.End] == f.Text && f.Confidence is >= 0 and <= 1);
    }

    [Property(MaxTest = 300)]
    public bool Any_string_is_extracted_without_throwing(string? text) => Honest(text ?? "");

    [Property(MaxTest = 200)]
    public Property Mutated_bulletins_keep_offsets_honest() =>
        Prop.ForAll(
            Gen.Choose(0, Bulletins.Length - 1).Zip(Gen.Choose(0, 1_000_000)).Zip(Gen.Elements(Splices)).Zip(Gen.Choose(0, 40)).ToArbitrary(),
            t =>
            {
                var (((doc, at), splice), cut) = t;
                var text = Bulletins[doc];
                var i = at % (text.Length + 1);
                var mutated = text[..i] + splice + text[Math.Min(text.Length, i + cut)..];
                return Honest(mutated);
            });

    [Property(MaxTest = 200)]
    public bool Numbers_layer_never_throws_and_spans_are_in_bounds(string? text)
    {
        var prepared = PreparedText.From(text ?? "");
        var scan = Numbers.QuantityRecognizer.Scan(prepared.Clean, prepared.Key);
        return scan.Quantities.All(q => q.Start >= 0 && q.End <= prepared.Clean.Length && q.Start <= q.NumberStart);
    }

    [Fact]
    public void Ten_megabytes_of_digits_and_unbalanced_brackets_are_handled()
    {
        var digits = new string('7', 10 * 1024 * 1024);
        var d = DocumentExtractor.Extract("digits", digits);
        Assert.Empty(d.Figures);
        var brackets = string.Concat(Enumerable.Repeat("((((( vốn đầu tư 12 tỷ đồng ]]]] ", 2000));
        Assert.NotEmpty(DocumentExtractor.Extract("brackets", brackets).Figures);
        var mixed = "Năm 2020 thu hút 5 dự án " + Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("vốn đầu tư 100 tỷ đồng"));
        Assert.Contains(DocumentExtractor.Extract("mixed", mixed).Figures, f => f.Unit == Units.Project);
    }
}
