using System.Text;
using Pipeline.Processing;
using Pipeline.Storage;

namespace Pipeline.Export.Tests;

/// <summary>
/// The cells a document's tables are kept as (when a page is saved) are the cells its table figures were read
/// from: a data team joins a figure to its cell by offsets and sees the row and headers that gave its meaning.
/// </summary>
public sealed class TableCellsTests
{
    private static (Pipeline.Core.ExtractedDocument Document, IReadOnlyList<StoredTableCell> Cells) Read(string name)
    {
        var read = DocumentReader.Read(name, File.ReadAllText(Path.Combine(Repo.Root, "corpus", "tables", name), Encoding.UTF8));
        return (read.Document, PageProcessor.Tables(read.CleanText));
    }

    [Theory]
    [InlineData("t01-bac-ninh-fdi-theo-kcn-2023.html")]
    [InlineData("t04-dong-nai-fdi-ddi-theo-kcn-2020.html")]
    [InlineData("t13-ha-nam-fdi-2022-2023-so-sanh.html")]
    [InlineData("t12-thai-nguyen-cot-can-le-2017.txt")]
    public void Every_table_figure_stands_in_a_kept_cell_of_its_row_under_its_column(string name)
    {
        var (document, cells) = Read(name);
        var fromTables = document.Figures.Where(f => f.Rule.StartsWith("table:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fromTables);

        foreach (var figure in fromTables)
        {
            var cell = Assert.Single(cells, c => c.Start == figure.Start && c.End == figure.End);
            Assert.Equal((StoredTableCell.RowKind, figure.Text), (cell.Kind, cell.Text));
            Assert.NotNull(cell.HeaderPath);
            if (figure.Subject is { } subject)
            {
                Assert.Equal(subject, cell.RowHeader);
            }
        }
    }

    [Fact]
    public void Two_header_rows_give_each_column_its_path_and_the_header_cells_are_kept_as_they_stand()
    {
        var (_, cells) = Read("t13-ha-nam-fdi-2022-2023-so-sanh.html");

        var newProjects2023 = Assert.Single(cells, c => c.RowHeader == "Cấp mới" && c.Text == "48");
        Assert.Equal("Năm 2023 › Số dự án", newProjects2023.HeaderPath);
        // A merged header cell stands at its first column; the columns it spans are kept empty, as the table's grid has them.
        Assert.Equal(["Nội dung", "Năm 2022", "", "Năm 2023", "", "Tăng/giảm (%)", ""], cells.Where(c => c.Row == 1).Select(c => c.Text));
        Assert.All(cells.Where(c => c.Row <= 2), c => Assert.Equal((StoredTableCell.HeaderKind, null), (c.Kind, c.HeaderPath)));
        Assert.Equal(("Tổng", 5), (cells.Single(c => c.Row == 5 && c.Column == 1).Text, cells.Single(c => c.Text == "882,1").Column));
    }

    [Fact]
    public void A_table_of_non_figures_is_kept_though_it_gives_no_figure()
    {
        var (document, cells) = Read("t08-danh-ba-dien-thoai-bql.html");

        Assert.DoesNotContain(document.Figures, f => f.Rule.StartsWith("table:", StringComparison.Ordinal));
        Assert.NotEmpty(cells);
        Assert.Equal(1, cells.Min(c => c.Table));
    }
}
