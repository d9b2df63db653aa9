using System.Globalization;
using Pipeline.Core;
using Pipeline.Extraction.Tables;

namespace Pipeline.Extraction.Tests;

/// <summary>Table reading: headers by the example table, and whole small tables through the document extractor.</summary>
public class TableTests
{
    public static TheoryData<string, string> Headers => ExampleFile.Load("table-headers.txt");

    [Theory]
    [MemberData(nameof(Headers))]
    public void Reads_each_header_as_its_metric_measure_and_unit(string header, string expected)
    {
        var parts = header.Split("//", 3);
        var meaning = TableFigureReader.Decide(parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : "", cell: parts.Length > 2 ? parts[2].Trim() : null);
        var want = expected.Split(' ');
        if (want[0] == "none")
        {
            Assert.Null(meaning);
            return;
        }

        Assert.NotNull(meaning);
        Assert.Equal(want[0], FigureJson.Name(meaning.Metric));
        Assert.Equal(want[1], FigureJson.Name(meaning.Measure));
        Assert.Equal(want[2], meaning.Unit.Unit);
        Assert.Equal(decimal.Parse(want[3], CultureInfo.InvariantCulture), meaning.Unit.Factor);
    }

    public static TheoryData<string, string> Cells => ExampleFile.Load("table-cells.txt");

    [Theory]
    [MemberData(nameof(Cells))]
    public void Reads_each_cell_as_its_number_unit_and_change_word(string cell, string expected)
    {
        var reading = CellValue.ReadCell(cell);
        var want = expected.Split(' ');
        if (want[0] == "none")
        {
            Assert.Null(reading.Number);
            return;
        }

        Assert.Equal(decimal.Parse(want[0], CultureInfo.InvariantCulture), reading.Number);
        Assert.Equal(want[1] == "-" ? null : want[1], reading.Unit?.Unit);
        Assert.Equal(decimal.Parse(want[2], CultureInfo.InvariantCulture), reading.Unit?.Factor ?? 1m);
        Assert.Equal(int.Parse(want[3], CultureInfo.InvariantCulture), reading.Direction);
    }

    private static IReadOnlyList<Figure> TableFigures(string text) =>
        DocumentExtractor.Extract("table", text).Figures.Where(f => f.Rule.StartsWith("table:", StringComparison.Ordinal)).ToList();

    [Fact]
    public void A_row_per_zone_gives_each_cell_its_zone_and_the_total_row_none()
    {
        var text = "Thu hút đầu tư năm 2023\n\nKết quả năm 2023 theo từng KCN:\n\n"
                   + "KCN | Số dự án | Vốn đăng ký (triệu USD)\nKCN Quế Võ | 24 | 612,4\nKCN Yên Phong | - | 1.084,2\nTổng cộng | 24 | 1.696,6\n";
        var figures = TableFigures(text);
        Assert.Equal(5, figures.Count); // the "-" cell is no figure
        var capital = Assert.Single(figures, f => f.Value == 612_400_000m);
        Assert.Equal(("KCN Quế Võ", Metric.InvestmentCapital, "USD", "2023"), (capital.Subject, capital.Metric, capital.Unit, capital.Period));
        Assert.Equal("612,4", text[capital.Start..capital.End]);
        Assert.All(figures.Where(f => f.Sentence.StartsWith("Tổng cộng", StringComparison.Ordinal)), f => Assert.Null(f.Subject));
        Assert.Equal(TableFigureReader.ColumnRule, capital.Rule);
    }

    [Fact]
    public void Periods_as_columns_make_the_comparison_column_a_figure_of_the_later_period()
    {
        var text = "Kết quả sản xuất kinh doanh năm 2019\n\nĐVT: tỷ đồng\n\n"
                   + "STT | Chỉ tiêu | Năm 2018 | Năm 2019 | So sánh (%)\n1 | Doanh thu | 512.840 | 563.472 | 109,9\n";
        var figures = TableFigures(text);
        Assert.Equal(3, figures.Count); // the row number is no figure
        Assert.Contains(figures, f => f is { Metric: Metric.Revenue, Measure: Measure.Level, Period: "2018", Value: 512_840_000_000_000m });
        Assert.Contains(figures, f => f is { Measure: Measure.PctOfSamePeriod, Period: "2019", Value: 109.9m, Unit: "percent" });
        Assert.All(figures, f => Assert.Null(f.Subject));
    }

    [Fact]
    public void Two_header_rows_with_merged_cells_are_read_as_spanning()
    {
        var text = "Thu hút đầu tư năm 2020\n\nSố liệu:\n\nKhu công nghiệp | Dự án FDI | Dự án trong nước\n"
                   + "Số dự án | Vốn đăng ký (triệu USD) | Số dự án | Vốn đăng ký (tỷ đồng)\nKCN Long Đức | 6 | 94,2 | 1 | 62\n";
        var figures = TableFigures(text);
        Assert.Contains(figures, f => f is { Value: 94_200_000m, Unit: "USD", Scope: Scope.Fdi, Subject: "KCN Long Đức" });
        Assert.Contains(figures, f => f is { Value: 62_000_000_000m, Unit: "VND", Scope: Scope.Domestic });
        Assert.Contains(figures, f => f is { Value: 1m, Metric: Metric.Projects, Scope: Scope.Domestic });
    }

    [Fact]
    public void A_column_that_adds_a_year_to_the_reports_span_is_that_span_in_that_year()
    {
        var text = "Kết quả 9 tháng đầu năm 2022\n\nChỉ tiêu | 9 tháng 2021 | 9 tháng 2022 | So sánh (%)\nDoanh thu (triệu USD) | 31.250 | 34.870 | 111,6\n";
        var figures = TableFigures(text);
        Assert.Equal("2021-01..2021-09", Assert.Single(figures, f => f.Value == 31_250_000_000m).Period);
        Assert.Equal("2022-01..2022-09", Assert.Single(figures, f => f.Value == 111.6m).Period);
    }

    [Fact]
    public void Rows_that_break_a_total_down_by_sector_have_no_subject()
    {
        var text = "Thu hút đầu tư 6 tháng đầu năm 2023\n\nNgành | Số dự án | Vốn (triệu USD)\nĐiện tử | 5 | 412\nCơ khí | 4 | 238\n";
        var figures = TableFigures(text);
        Assert.Equal(4, figures.Count);
        Assert.All(figures, f => Assert.Null(f.Subject));
    }

    [Fact]
    public void Tables_of_non_figures_give_none()
    {
        var text = "Danh bạ điện thoại\n\nSTT | Họ và tên | Chức vụ | Điện thoại cơ quan | Phòng làm việc\n"
                   + "1 | Nguyễn Văn An | Trưởng ban | 0256.3822.915 | Phòng 201\n2 | Trần Thị Bích | Phó Trưởng ban | 0256.3822.916 | Phòng 202\n";
        Assert.Empty(DocumentExtractor.Extract("table", text).Figures);
    }

    [Fact]
    public void A_header_row_of_bare_years_is_a_header_and_its_years_are_periods()
    {
        var text = "Một số chỉ tiêu giai đoạn 2021 - 11 tháng 2024\n\n"
                   + "TT | Chỉ tiêu | ĐVT | 2021 | 2022 | 11 tháng 2024\n1 | Vốn đăng ký cấp mới | Tỷ đồng | 3.412 | 5.870 | 6.540\n"
                   + "2 | Kim ngạch xuất khẩu | Triệu USD | 1.186,4 | 1.342,7 | 1.298,6\n";
        var figures = TableFigures(text);
        Assert.Equal(6, figures.Count); // the years and the row numbers are no figures
        Assert.Contains(figures, f => f is { Metric: Metric.InvestmentCapital, Unit: "VND", Value: 3_412_000_000_000m, Period: "2021" });
        Assert.Contains(figures, f => f is { Metric: Metric.ExportValue, Unit: "USD", Value: 1_298_600_000m, Period: "2024-01..2024-11" });
    }

    [Fact]
    public void A_column_merged_down_over_a_group_of_rows_is_no_subject_and_a_merged_total_label_is_the_total()
    {
        // As an HTML table with rowspan and colspan becomes text: the merged places are empty cells.
        var text = "Thu hút đầu tư năm 2023\n\nKết quả theo từng KCN:\n\n"
                   + "Quận, huyện | Khu công nghiệp | Số dự án cấp mới | Vốn đầu tư đăng ký |\n |  |  | Triệu USD | Tỷ đồng\n"
                   + "Quận Hải An | KCN Đình Vũ | 6 | 412,5 | 1.250\n | KCN Nam Đình Vũ | 4 | 286,0 | -\n"
                   + "Tổng cộng |  | 10 | 698,5 | 1.250\n";
        var figures = TableFigures(text);
        Assert.Equal(8, figures.Count);
        Assert.Contains(figures, f => f is { Metric: Metric.InvestmentCapital, Unit: "USD", Value: 286_000_000m, Subject: "KCN Nam Đình Vũ" });
        Assert.Contains(figures, f => f is { Metric: Metric.InvestmentCapital, Unit: "VND", Value: 1_250_000_000_000m, Subject: "KCN Đình Vũ" });
        Assert.Contains(figures, f => f is { Metric: Metric.Projects, Value: 10m, Subject: null });
    }

    [Fact]
    public void A_bar_at_the_start_of_a_row_only_is_an_empty_first_cell()
    {
        var text = "Hoạt động của các KCN năm 2024\n\nTT | Tên khu công nghiệp | Số dự án | Số lao động (người)\n"
                   + "1 | KCN Lễ Môn | 64 | 8.215\n2 | KCN Bỉm Sơn | 28 | 6.870\n | Cộng | 92 | 15.085\n";
        var figures = TableFigures(text);
        Assert.Contains(figures, f => f is { Metric: Metric.Projects, Value: 92m, Subject: null });
        Assert.Contains(figures, f => f is { Metric: Metric.Labour, Value: 15_085m, Subject: null });
    }

    [Fact]
    public void A_short_line_before_a_header_row_starts_a_new_table()
    {
        var text = "Xuất nhập khẩu quý III/2024\n\nChỉ tiêu | Tháng 7 | Quý III\nKim ngạch xuất khẩu (triệu USD) | 284,6 | 882,3\n\n"
                   + "Một số chỉ tiêu khác:\n\nChỉ tiêu | Quý III/2024 | So với cùng kỳ\nNộp ngân sách nhà nước | 412,6 tỷ | tăng 8,4%\n";
        var figures = TableFigures(text);
        Assert.Equal(4, figures.Count);
        Assert.Contains(figures, f => f is { Metric: Metric.ExportValue, Value: 284_600_000m, Period: "2024-07" });
        Assert.Contains(figures, f => f is { Metric: Metric.BudgetContribution, Measure: Measure.Level, Unit: "VND", Value: 412_600_000_000m, Period: "2024-Q3" });
        Assert.Contains(figures, f => f is { Metric: Metric.BudgetContribution, Measure: Measure.ChangePct, Value: 8.4m, Period: "2024-Q3", Subject: null });
    }

    [Fact]
    public void A_table_copied_with_tabs_is_read_from_its_one_header_line_of_names_and_units()
    {
        var text = "Kết quả sản xuất kinh doanh năm 2023\n\nKết quả theo từng KCN:\n\n"
                   + "Khu công nghiệp\tDoanh thu (tỷ đồng)\tXuất khẩu (triệu USD)\nKCN Phú Tài\t8.412\t215,6\nKCN Long Mỹ\t3.126\t48,2\n";
        var figures = TableFigures(text);
        Assert.Equal(4, figures.Count);
        Assert.Contains(figures, f => f is { Metric: Metric.Revenue, Unit: "VND", Value: 8_412_000_000_000m, Subject: "KCN Phú Tài" });
        Assert.Contains(figures, f => f is { Metric: Metric.ExportValue, Unit: "USD", Value: 48_200_000m, Subject: "KCN Long Mỹ" });
    }

    [Fact]
    public void A_lead_naming_one_scope_carries_it_into_the_table_and_one_naming_two_does_not()
    {
        const string Table = "\n\nQuốc gia | Số dự án | Vốn đăng ký (triệu USD)\nHàn Quốc | 12 | 186,3\nNhật Bản | 4 | 62,8\n";
        Assert.All(TableFigures("Năm 2024\n\nCác KCN thu hút vốn FDI từ nhiều đối tác:" + Table), f => Assert.Equal(Scope.Fdi, f.Scope));
        Assert.All(TableFigures("Năm 2024\n\nCác KCN thu hút dự án FDI và dự án trong nước:" + Table), f => Assert.Null(f.Scope));
    }

    [Fact]
    public void Aligned_columns_are_read_from_their_two_header_lines()
    {
        var text = "Sản xuất kinh doanh năm 2017\n\n"
                   + "                  Doanh thu      Xuất khẩu\nKhu công nghiệp   (tỷ đồng)    (triệu USD)\n"
                   + "Yên Bình            412.680       20.416,5\nĐiềm Thụy            26.314        1.087,6\n";
        var figures = TableFigures(text);
        Assert.Equal(4, figures.Count);
        Assert.Contains(figures, f => f is { Metric: Metric.ExportValue, Value: 20_416_500_000m, Subject: "Yên Bình" });
    }
}

/// <summary>Subjects of sentence figures, by the example table.</summary>
public class SentenceSubjectTests
{
    public static TheoryData<string, string> Cases => ExampleFile.Load("subjects.txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_the_zone_or_company_a_clause_is_about(string before, string expected) =>
        Assert.Equal(expected == "null" ? null : expected, SentenceSubjects.Of(before));

    [Fact]
    public void A_sentence_figure_about_one_zone_carries_it_and_the_total_does_not()
    {
        var text = "Năm 2023, các KCN thu hút 96 dự án mới. Riêng KCN Yên Phong thu hút 31 dự án với tổng vốn 1.084,2 triệu USD.";
        var figures = DocumentExtractor.Extract("subjects", text).Figures;
        Assert.Null(Assert.Single(figures, f => f.Value == 96).Subject);
        Assert.Equal("KCN Yên Phong", Assert.Single(figures, f => f.Value == 31).Subject);
    }
}
