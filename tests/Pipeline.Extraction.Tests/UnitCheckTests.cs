using Pipeline.Extraction;

namespace Pipeline.Extraction.Tests;

public sealed class UnitCheckTests
{
    [Theory]
    [InlineData("Năm 2023, các khu công nghiệp thu hút tổng vốn đầu tư 1,2 tỷ USD, trong đó vốn FDI 0,8 triệu USD và vốn đầu tư trong nước 0,4 triệu USD.", "thousandth")]
    [InlineData("Năm 2023, các khu công nghiệp thu hút tổng vốn đầu tư 1,2 triệu USD, trong đó vốn FDI 800 triệu USD và vốn đầu tư trong nước 400 triệu USD.", "thousand times")]
    public void ATotalThatItsPartsDoNotMatchByAThousandIsFlaggedNotChanged(string text, string why)
    {
        var document = DocumentExtractor.Extract("t", text);

        var total = document.Figures[0];
        Assert.Contains(why, Assert.Single(total.Flags!), StringComparison.Ordinal);
        Assert.Equal(text.Contains("1,2 tỷ", StringComparison.Ordinal) ? 1_200_000_000m : 1_200_000m, total.Value);
        Assert.All(document.Figures.Skip(1), f => Assert.Null(f.Flags));
    }

    [Theory]
    [InlineData("Năm 2023, các khu công nghiệp thu hút tổng vốn đầu tư 1,2 tỷ USD, trong đó vốn FDI 800 triệu USD và vốn đầu tư trong nước 400 triệu USD.")]
    [InlineData("Năm 2023, các khu công nghiệp thu hút 39 dự án, trong đó 26 dự án FDI và 13 dự án trong nước.")]
    [InlineData("Tỷ lệ lấp đầy đạt 75%, trong đó khu A đạt 80% và khu B đạt 70%.")]
    public void TotalsThatAddUpAreLeftAlone(string text) =>
        Assert.All(DocumentExtractor.Extract("t", text).Figures, f => Assert.Null(f.Flags));
}
