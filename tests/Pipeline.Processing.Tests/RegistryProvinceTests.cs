using Pipeline.Extraction.Documents;
using Pipeline.Processing;

namespace Pipeline.Processing.Tests;

/// <summary>
/// A board's own page is about the board's province (issue 14, "province from the registry for a board's
/// own pages"), spelled as the province table spells it; a newspaper's page keeps the province its text names.
/// </summary>
public sealed class RegistryProvinceTests
{
    // A Bình Dương board's page whose text names Bắc Ninh more often than its own province (a partner visit).
    private const string Page = """
        <html><body><article><h1>Đoàn công tác tỉnh Bắc Ninh thăm KCN VSIP</h1>
        <p class="date">12/03/2024</p>
        <p>Ngày 10/3, đoàn công tác tỉnh Bắc Ninh đã đến thăm các KCN. Lãnh đạo Bắc Ninh trao đổi kinh nghiệm thu hút đầu tư; Bắc Ninh hiện có 16 KCN.</p>
        <p>Năm 2023, các KCN thu hút 45 dự án với tổng vốn 1,2 tỷ USD.</p>
        </article></body></html>
        """;

    [Fact]
    public void ABoardsOwnPageTakesTheRegistrysProvince()
    {
        var read = DocumentReader.Read("https://bqlkcn.binhduong.gov.vn/tin/1", Page, new PageContext(null, new SourceFacts("binhduong", "Ban Quản lý các KCN Bình Dương", "Bình Dương", "KCN"), null));
        Assert.Equal("Bình Dương", read.Document.Province);
    }

    [Fact]
    public void TheRegistrysSpellingIsTheProvinceTablesSpelling()
    {
        var read = DocumentReader.Read("https://hepza.hochiminhcity.gov.vn/tin/1", Page, new PageContext(null, new SourceFacts("hepza", "Ban Quản lý các KCX và CN TP. Hồ Chí Minh", "Hồ Chí Minh", "KCN"), null));
        Assert.Equal("TP. Hồ Chí Minh", read.Document.Province);
    }

    [Fact]
    public void ANewspapersPageKeepsTheProvinceItsTextNames()
    {
        var read = DocumentReader.Read("https://baodautu.vn/tin/1", Page, new PageContext(null, new SourceFacts("baodautu", "Báo Đầu tư", "", "press"), null));
        Assert.Equal("Bắc Ninh", read.Document.Province);
    }

    [Theory]
    [InlineData("Hồ Chí Minh", "TP. Hồ Chí Minh")]
    [InlineData("TPHCM", "TP. Hồ Chí Minh")]
    [InlineData("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu")]
    [InlineData("Bắc Ninh", "Bắc Ninh")]
    [InlineData("Bắc Ninhh", null)]
    [InlineData("Ninh", null)]
    public void CanonicalNamesAreWholeMatchesOnly(string written, string? expected) => Assert.Equal(expected, Provinces.Canonical(written));
}
