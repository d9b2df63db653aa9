using System.Globalization;
using Pipeline.Core;
using Pipeline.Extraction.Numbers;

namespace Pipeline.Extraction.Tests;

public class NumberLayerTests
{
    public static TheoryData<string, string> Numbers => ExampleFile.Load("numbers.txt");
    public static TheoryData<string, string> NonFigures => ExampleFile.Load("non-figures.txt");
    public static TheoryData<string, string> Duckling => ExampleFile.Load("duckling-vi.txt");

    private static NumberScan Scan(string text)
    {
        var prepared = PreparedText.From(text);
        return QuantityRecognizer.Scan(prepared.Clean, prepared.Key);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Reads_each_phrasing_as_its_value_unit_and_bound(string text, string expected)
    {
        var parts = expected.Split(' ');
        var quantities = Scan(text).Quantities;
        Assert.NotEmpty(quantities);
        var q = quantities[0]; // the phrasing's own number comes first
        Assert.Equal(decimal.Parse(parts[0], CultureInfo.InvariantCulture), q.Value);
        Assert.Equal(parts[1], q.Unit);
        Assert.Equal(parts[2], FigureJson.Name(q.Approx));
        Assert.Equal(parts.Length > 3 ? decimal.Parse(parts[3], CultureInfo.InvariantCulture) : null, q.ValueMax);
        Assert.Equal(text[q.Start..q.End], q.Text); // offsets point into the clean text
    }

    [Theory]
    [MemberData(nameof(Duckling))]
    public void Reads_each_whole_phrase_of_the_public_corpus_as_one_number(string text, string expected)
    {
        var parts = expected.Split(' ');
        var readings = Readings(Scan(text));
        var q = Assert.Single(readings);
        Assert.Equal((0, text.TrimEnd('.').Length), (q.Start, q.End));
        Assert.Equal(decimal.Parse(parts[0], CultureInfo.InvariantCulture), q.Value);
        Assert.Equal(parts[1], q.Unit);
        Assert.Equal(parts[2], FigureJson.Name(q.Approx));
        Assert.Equal(parts.Length > 3 ? decimal.Parse(parts[3], CultureInfo.InvariantCulture) : null, q.ValueMax);
    }

    /// <summary>Every number the layer read: the quantities, and those it set aside after reading them.</summary>
    private static List<Quantity> Readings(NumberScan scan) => [.. scan.Quantities, .. scan.Skipped.Select(s => s.Reading).OfType<Quantity>()];

    [Theory]
    [MemberData(nameof(NonFigures))]
    public void Sets_aside_dates_codes_names_and_furniture(string text, string _)
    {
        var scan = Scan(text);
        Assert.All(scan.Quantities, q => Assert.Fail($"'{q.Text}' was read as a quantity"));
    }

    [Theory]
    [InlineData("vốn chủ sở hữu tối thiểu 20% tổng vốn đầu tư", 20, "percent", Approx.Over)]
    [InlineData("thời gian giải quyết không quá 15 ngày làm việc, phí không quá 7.000 đồng", 7000, "VND", Approx.Under)]
    public void A_requirement_is_set_aside_with_its_reading_and_reason(string text, int value, string unit, Approx bound)
    {
        var scan = Scan(text);
        Assert.DoesNotContain(scan.Quantities, q => q.Unit == unit);
        var set = Assert.Single(scan.Skipped, s => s.Reading?.Unit == unit);
        Assert.Equal("a requirement quoted from a rule", set.Reason);
        Assert.Equal((decimal)value, set.Reading!.Value);
        Assert.Equal(bound, set.Reading.Approx);
    }

    [Fact]
    public void A_dash_after_a_name_is_never_a_sign()
    {
        var scan = Scan("Lô CN-05 rộng 12 ha, dịch Covid-19");
        Assert.All(scan.Quantities, q => Assert.True(q.Value > 0, q.Text));
        Assert.Contains(scan.Quantities, q => q.Value == 12m && q.Unit == Units.Hectare);
    }

    [Fact]
    public void Flags_malformed_grouping_instead_of_guessing()
    {
        var scan = Scan("giá trị đạt 3.131.93 tỷ đồng");
        Assert.Empty(scan.Quantities);
        Assert.Contains(scan.Skipped, s => s.Text == "3.131.93" && s.Reason.Contains("malformed"));
    }

    [Fact]
    public void A_number_too_large_to_scale_is_set_aside_not_overflowed()
    {
        var scan = Scan("vốn 9.999.999.999.999.999.999.999.999 nghìn tỷ tỷ đồng");
        Assert.Empty(scan.Quantities);
    }

    [Fact]
    public void Reads_year_word_nam_only_as_five_before_a_counting_word()
    {
        Assert.Equal(5m, Assert.Single(Scan("cấp mới năm dự án").Quantities).Value);
        Assert.Empty(Scan("trong năm dự án được cấp phép").Quantities);
    }

    [Theory]
    [InlineData("2.599,5", 2599.5, NumberStyle.Vietnamese)]
    [InlineData("1,200.5", 1200.5, NumberStyle.English)]
    [InlineData("13,157,642", 13157642, NumberStyle.English)]
    [InlineData("13.500.000", 13500000, NumberStyle.Vietnamese)]
    [InlineData("689,7", 689.7, NumberStyle.Vietnamese)]
    public void Digit_grouping_is_decided_from_the_digits(string digits, double value, NumberStyle evidence)
    {
        var parsed = DigitParser.Parse(digits);
        Assert.False(parsed.Malformed);
        Assert.Equal((decimal)value, parsed.Value);
        Assert.Equal(evidence, parsed.Evidence);
    }

    [Fact]
    public void A_lone_ambiguous_separator_follows_the_document_style()
    {
        Assert.Equal(1.2m, DigitParser.Parse("1,200", NumberStyle.Vietnamese).Value);
        Assert.Equal(1200m, DigitParser.Parse("1,200", NumberStyle.English).Value);
        Assert.True(DigitParser.Parse("1,200").Ambiguous);
    }

    [Theory]
    [InlineData("3.131.93")]
    [InlineData("1.200.5")]
    [InlineData("12,34,567")]
    public void Malformed_groupings_are_flagged(string digits) => Assert.True(DigitParser.Parse(digits).Malformed);

    [Theory]
    [InlineData(new[] { "hai", "mươi", "lăm" }, 25)]
    [InlineData(new[] { "mười", "một" }, 11)]
    [InlineData(new[] { "một", "trăm", "linh", "năm" }, 105)]
    [InlineData(new[] { "hai", "mươi", "mốt" }, 21)]
    [InlineData(new[] { "ba", "mươi", "tư" }, 34)]
    [InlineData(new[] { "hai", "nghìn", "rưỡi" }, 2500)]
    public void Reads_number_words(string[] words, int value) => Assert.Equal(value, SpelledNumber.Read(words.Select(Text.MatchKey.Fold).ToList()));

    [Theory]
    [InlineData("lăm")]
    [InlineData("tư")]
    [InlineData("mươi")]
    public void Rejects_number_words_that_cannot_start_a_number(string word) => Assert.Null(SpelledNumber.Read([Text.MatchKey.Fold(word)]));

    [Fact]
    public void Traps_each_catch_their_own_examples()
    {
        foreach (var trap in Trap.All)
        {
            foreach (var example in trap.Examples)
            {
                Assert.True(trap.Pattern.IsMatch(Text.MatchKey.Fold(example)), $"trap {trap.Name} misses its example '{example}'");
            }
        }
    }
}
