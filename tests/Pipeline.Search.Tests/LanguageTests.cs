using System.Globalization;
using System.Text;
using Pipeline.Application;
using Pipeline.Extraction;
using Pipeline.Search.Analysis;
using Pipeline.Search.Language;

namespace Pipeline.Search.Tests;

/// <summary>
/// The equivalence table's examples are its tests: every form of a row, typed accented, unaccented or in
/// Telex, finds the row's example page (written with one form), and the form typed ranks first.
/// </summary>
public sealed class EquivalentsTests : IDisposable
{
    private readonly SearchIndex _index = SearchIndex.InMemory(SearchLanguage.Vocabulary);

    public EquivalentsTests()
    {
        foreach (var (row, i) in Equivalents.Table.Select((r, i) => (r, i)))
        {
            _index.Upsert(new IndexedDocument(DocumentExtractor.Extract($"example-{i}", row.Example), row.Example));
        }

        _index.Commit();
    }

    public static TheoryData<int, string> Forms()
    {
        var data = new TheoryData<int, string>();
        foreach (var (row, i) in Equivalents.Table.Select((r, i) => (r, i)))
        {
            foreach (var form in row.Forms)
            {
                data.Add(i, form);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_form_in_every_spelling_finds_the_rows_example_with_nothing_missing(int row, string form)
    {
        foreach (var typed in new[] { form, VietnameseFold.Full(form), Typist.Telex(form) }.Distinct())
        {
            var hit = _index.Search(new SearchRequest { Text = typed, Limit = 100 }).Hits.SingleOrDefault(h => h.Source == $"example-{row}");
            Assert.True(hit is not null, $"«{typed}» did not find «{Equivalents.Table[row].Example}»");
            Assert.Empty(hit.Missing!);
        }
    }

    public static TheoryData<int, string, string> Pairs()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var (row, i) in Equivalents.Table.Select((r, i) => (r, i)))
        {
            var written = row.Forms.Where(f => row.Example.Contains(f, StringComparison.OrdinalIgnoreCase)).MaxBy(f => f.Length);
            Assert.True(written is not null, $"the example of row {i} uses none of its forms");
            foreach (var other in row.Forms.Where(f => f != written))
            {
                data.Add(i, written, other);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_form_typed_ranks_above_its_equivalent(int row, string written, string other)
    {
        var example = Equivalents.Table[row].Example;
        var at = example.IndexOf(written, StringComparison.OrdinalIgnoreCase);
        var twin = example[..at] + other + example[(at + written.Length)..];
        using var index = SearchIndex.InMemory(SearchLanguage.Vocabulary);
        index.Upsert(new IndexedDocument(DocumentExtractor.Extract("written", example), example));
        index.Upsert(new IndexedDocument(DocumentExtractor.Extract("other", twin), twin));
        index.Commit();

        Assert.Equal(["written", "other"], index.Search(new SearchRequest { Text = written }).Hits.Select(h => h.Source));
        Assert.Equal(["other", "written"], index.Search(new SearchRequest { Text = other }).Hits.Select(h => h.Source));
    }

    public void Dispose() => _index.Dispose();
}

/// <summary>Provinces by any of their names: in a query, and as the --province filter.</summary>
public class PlacesTests
{
    [Theory]
    [InlineData("TP. Hồ Chí Minh", "TP. Hồ Chí Minh")]
    [InlineData("ho chi minh", "TP. Hồ Chí Minh")]
    [InlineData("TP.HCM", "TP. Hồ Chí Minh")]
    [InlineData("tphcm", "TP. Hồ Chí Minh")]
    [InlineData("Sài Gòn", "TP. Hồ Chí Minh")]
    [InlineData("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh")]
    [InlineData("Huế", "Thừa Thiên Huế")]
    [InlineData("thua thien hue", "Thừa Thiên Huế")]
    [InlineData("BR-VT", "Bà Rịa - Vũng Tàu")]
    [InlineData("ba ria vung tau", "Bà Rịa - Vũng Tàu")]
    [InlineData("BÌNH DƯƠNG", "Bình Dương")]
    [InlineData("tỉnh Bình Dương", "Bình Dương")]
    [InlineData("Khánh Hoà", "Khánh Hòa")]
    [InlineData("Daklak", "Đắk Lắk")]
    [InlineData("Hà Tây", "Hà Nội")]
    public void A_province_is_known_by_every_name_in_any_spelling(string typed, string name) => Assert.Equal(name, SearchLanguage.Vocabulary.Places.Resolve(typed));

    [Theory]
    [InlineData("Bình Dươn", "Bình Dương")]
    [InlineData("Ha Noii", "Hà Nội")]
    [InlineData("Dong Nia", "Đồng Nai")]
    public void An_unknown_province_suggests_the_closest(string typed, string closest)
    {
        Assert.Null(SearchLanguage.Vocabulary.Places.Resolve(typed));
        Assert.Equal(closest, SearchLanguage.Vocabulary.Places.Closest(typed));
    }

    [Theory]
    [InlineData("von FDI Sai Gon", "TP. Hồ Chí Minh")]
    [InlineData("khu che xuat TP.HCM 2024", "TP. Hồ Chí Minh")]
    [InlineData("khu kinh te Hue 2021", "Thừa Thiên Huế")]
    [InlineData("lao dong BR-VT", "Bà Rịa - Vũng Tàu")]
    [InlineData("KCN tinh Ha Nam", "Hà Nam")]
    public void A_province_named_in_a_query_by_another_name_is_recognised(string query, string province) =>
        Assert.Equal([province], QueryBuilder.ProvincesNamed(QueryBuilder.Words(query), SearchLanguage.Vocabulary));

    [Fact]
    public void A_page_filed_under_a_province_is_found_by_its_other_names()
    {
        using var index = SearchIndex.InMemory(SearchLanguage.Vocabulary);
        var text = "Năm 2024, các khu chế xuất và khu công nghiệp thành phố thu hút 1,2 tỷ USD vốn đầu tư.";
        index.Upsert(new IndexedDocument(DocumentExtractor.Extract("hepza", text) with { Province = "TP. Hồ Chí Minh" }, text));
        index.Commit();

        foreach (var query in new[] { "khu chế xuất Sài Gòn", "khu che xuat TP.HCM", "KCX Ho Chi Minh" })
        {
            var hits = index.Search(new SearchRequest { Text = query }).Hits;
            Assert.True(hits is [{ Source: "hepza", Missing.Count: 0 }], $"«{query}» did not find the page filed under TP. Hồ Chí Minh");
        }

        Assert.Single(index.Search(new SearchRequest { Text = "vốn đầu tư", Province = "sai gon" }).Hits);
    }

    [Fact]
    public void Search_reads_queries_with_the_vocabulary_it_is_given()
    {
        // Search holds no province list, metric phrase or unit of its own: a vocabulary handed in is the whole of it.
        var vocabulary = new SearchVocabulary(["Bình Dương"], [new MetricPhrase("hàng gửi", Pipeline.Core.Metric.ExportValue)], ["USD"]);
        var plan = QueryPlan.Build("hang gui Binh Duong", vocabulary);
        Assert.Equal(["Bình Dương"], plan.Provinces);
        Assert.Equal("export_value", plan.Slots[0].Metric);
        Assert.Null(vocabulary.Places.Resolve("Đồng Nai"));
        Assert.Equal(["USD", "percent", "ratio"], vocabulary.Units);
        Assert.Contains(RequestCheck.Normalize(new SearchRequest { Text = "vốn", Province = "Đồng Nai" }, vocabulary).Problems, p => p.Parameter == "province");
    }
}

/// <summary>Writes a Vietnamese text as a Telex typist would: "Đồng Nai" → "ddoongf nai".</summary>
internal static class Typist
{
    public static string Telex(string text) => string.Join(' ', text.Split(' ').Select(Word));

    private static string Word(string word)
    {
        var sb = new StringBuilder();
        char? tone = null;
        foreach (var c in word.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            switch (c)
            {
                case 'đ': sb.Append("dd"); break;
                case '\u0302': sb.Append(sb[^1]); break; // circumflex: aa, ee, oo
                case '\u0306' or '\u031B': sb.Append('w'); break; // breve, horn: aw, ow, uw
                case '\u0300': tone = 'f'; break;
                case '\u0301': tone = 's'; break;
                case '\u0309': tone = 'r'; break;
                case '\u0303': tone = 'x'; break;
                case '\u0323': tone = 'j'; break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return tone is { } t ? sb.Append(t).ToString() : sb.ToString();
    }
}
