namespace Pipeline.Sites.Tests;

public class ArticleFileTests
{
    [Fact]
    public void ReadsHeaderParagraphsAndTables()
    {
        var text = "title: Báo cáo quý I\ndate: 2020-04-02\ntype: report\nauthor: Văn phòng\n---\nĐoạn một\ncòn tiếp.\n\nA | B\n1 | 2\n\nĐoạn cuối.\n";

        var article = ArticleFile.Parse("bqlkcn-bac-ninh", "2020-04-02-bao-cao-quy-i.txt", text);

        Assert.Equal("bao-cao-quy-i", article.Slug);
        Assert.Equal(new DateOnly(2020, 4, 2), article.Date);
        Assert.Equal("Báo cáo quý I", article.Title);
        Assert.Equal("Văn phòng", article.Author);
        Assert.Equal(3, article.Blocks.Count);
        Assert.Equal("Đoạn một còn tiếp.", Assert.IsType<Paragraph>(article.Blocks[0]).Text);
        Assert.Equal(["1", "2"], Assert.IsType<Table>(article.Blocks[1]).Rows[1]);
        Assert.Equal("Đoạn một còn tiếp.\n\nA | B\n1 | 2\n\nĐoạn cuối.", article.Text);
    }

    [Fact]
    public void RefusesAFileWithoutItsHeader()
    {
        Assert.Throws<FormatException>(() => ArticleFile.Parse("b", "x.txt", "just text\n"));
        Assert.Throws<FormatException>(() => ArticleFile.Parse("b", "x.txt", "title: t\ndate: 12/07/2023\n---\nbody\n"));
    }

    [Fact]
    public void TheSamplesLoadAsAFolder()
    {
        var folder = SampleArticles.WriteFolder(3);
        try
        {
            var boards = ArticleFolder.Load(folder);

            Assert.Equal(SampleArticles.Registry.Sources.Count, boards.Count);
            Assert.All(boards.Values, list => Assert.Equal(3, list.Count));
            Assert.All(boards.Values, list => Assert.True(list[0].Date <= list[1].Date && list[1].Date <= list[2].Date));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
