using System.Text;
using Pipeline.Application;
using Pipeline.Core;
using Pipeline.Extraction;
using Pipeline.Search.Language;

namespace Pipeline.Search.Tests;

/// <summary>
/// What a figure is about is indexed and filterable: a zone's figures are found by its name in any spelling,
/// and the province's totals beside them are not.
/// </summary>
public sealed class SubjectTests : IDisposable
{
    private readonly SearchIndex _index = SearchIndex.InMemory(SearchLanguage.Vocabulary);

    public SubjectTests()
    {
        // Bắc Ninh per zone (KCN Quế Võ, KCN Yên Phong, … and a total row); Đồng Nai per zone with FDI and domestic columns.
        foreach (var name in new[] { "t01-bac-ninh-fdi-theo-kcn-2023.html", "t04-dong-nai-fdi-ddi-theo-kcn-2020.html" })
        {
            var (text, metadata) = DocumentExtractor.Read(File.ReadAllText(Path.Combine(Repo.Root, "corpus", "tables", name), Encoding.UTF8));
            _index.Upsert(new IndexedDocument(DocumentExtractor.Extract(name, text, metadata), text.Clean));
        }

        _index.Commit();
    }

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("KCN Quế Võ")]
    [InlineData("kcn que vo")]
    [InlineData("KCN QUẾ VÕ")]
    [InlineData("khu công nghiệp Quế Võ")]
    [InlineData("khu cong nghiep que vo")]
    [InlineData("Quế Võ")]
    public void A_zones_figures_are_found_by_its_name_in_any_spelling_and_no_total_with_them(string subject)
    {
        var result = _index.Search(new SearchRequest { Subject = subject });

        Assert.Equal(3, result.Figures.Count); // its projects, capital and workers
        Assert.All(result.Figures, f => Assert.Equal("KCN Quế Võ", f.Figure.Subject));
        Assert.Equal([24m, 3_150m, 612_400_000m], result.Figures.Select(f => f.Figure.Value).Order());
        Assert.Equal("t01-bac-ninh-fdi-theo-kcn-2023.html", Assert.Single(result.Hits).Source);
    }

    [Theory]
    [InlineData("vo que")] // the words side by side, in order
    [InlineData("kcn vo")]
    [InlineData("KCN Quế Võ 2")]
    [InlineData("Tổng cộng")] // the total row's figures have no subject
    public void A_subject_not_written_so_finds_nothing(string subject) =>
        Assert.Empty(_index.Search(new SearchRequest { Subject = subject }).Figures);

    [Fact]
    public void A_subject_narrows_the_other_figure_filters_and_the_documents_of_a_word_search()
    {
        var capital = _index.Search(new SearchRequest { Subject = "nhon trach", Metric = "investment_capital", Unit = "USD" });
        var figure = Assert.Single(capital.Figures).Figure;
        Assert.Equal(("KCN Nhơn Trạch III", 186_500_000m, Scope.Fdi), (figure.Subject, figure.Value, figure.Scope));

        var words = _index.Search(new SearchRequest { Text = "vốn đăng ký", Subject = "Yên Phong" });
        var hit = Assert.Single(words.Hits);
        Assert.Equal("t01-bac-ninh-fdi-theo-kcn-2023.html", hit.Source);
        Assert.All(hit.Figures, f => Assert.Equal("KCN Yên Phong", f.Subject));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" - ")]
    public void A_subject_with_no_word_is_a_usage_error_naming_the_option(string subject)
    {
        var refused = Assert.Throws<SearchUsageException>(() => _index.Search(new SearchRequest { Subject = subject }));
        Assert.Equal("subject", Assert.Single(refused.Problems).Parameter);
    }

    [Theory]
    [InlineData("KCN Quế Võ", "khu cong nghiep que vo")]
    [InlineData("Khu CNC Hòa Lạc", "khu cong nghe cao hoa lac")]
    [InlineData("KCNC Hoà Lạc", "khu cong nghe cao hoa lac")]
    [InlineData("Công ty TNHH Foxconn", "cong ty tnhh foxconn")]
    [InlineData("dự án nhà máy điện Hải Dương", "du an nha may dien hai duong")]
    [InlineData("KCX Tân Thuận", "khu che xuat tan thuan")]
    public void A_subjects_words_are_folded_with_equivalent_forms_made_one(string subject, string words) =>
        Assert.Equal(words, string.Join(' ', Subjects.Words(subject)));
}
