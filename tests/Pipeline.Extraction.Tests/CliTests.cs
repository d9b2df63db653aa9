using System.Text;
using System.Text.Json;
using Pipeline.Application;
using Pipeline.Cli;
using Pipeline.Decoding;

namespace Pipeline.Extraction.Tests;

public class CliTests
{
    private static readonly string Bulletin = Directory.GetFiles(Repo.Path("corpus", "bulletins"), "*.txt").Order().First();

    private static (int Code, string Out, string Err) Run(ExtractFormat format, params string[] sources) => RunWithInput(format, "", sources);

    private static (int Code, string Out, string Err) RunWithInput(ExtractFormat format, string stdin, params string[] sources)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Commands.Extract(sources, format, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(ExtractFormat.Jsonl)]
    [InlineData(ExtractFormat.Table)]
    public void Extract_on_four_threads_prints_the_corpus_byte_for_byte_as_one_thread_does_with_a_failure_in_its_place(ExtractFormat format)
    {
        var files = Directory.GetFiles(Repo.Path("corpus", "bulletins")).Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        files.Insert(files.Count / 2, Path.Combine(Path.GetTempPath(), "pipeline-no-such-bulletin.txt"));

        string[] Extract(int parallel)
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var code = Commands.Extract(files, format, TextReader.Null, output, error, parallel);
            return [code.ToString(System.Globalization.CultureInfo.InvariantCulture), output.ToString(), error.ToString()];
        }

        var one = Extract(1);
        Assert.Equal(one, Extract(4));
        Assert.Equal("1", one[0]);
        Assert.Contains("pipeline-no-such-bulletin.txt: no such file", one[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_prints_one_document_a_line_in_the_contract_shape()
    {
        var (code, output, _) = Run(ExtractFormat.Jsonl, Bulletin, Bulletin);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var doc = JsonDocument.Parse(lines[0]);
        var root = doc.RootElement;
        Assert.Equal(Bulletin, root.GetProperty("source").GetString());
        foreach (var field in new[] { "title", "published", "board", "province", "period", "figures" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }

        var figure = root.GetProperty("figures")[0];
        foreach (var field in new[] { "metric", "measure", "value", "unit", "approx", "estimate", "target", "scope", "period", "text", "start", "end", "sentence", "confidence", "rule" })
        {
            Assert.True(figure.TryGetProperty(field, out _), $"figure lacks {field}");
        }
    }

    [Fact]
    public void Offsets_point_into_the_clean_text_that_text_format_prints()
    {
        var clean = Run(ExtractFormat.Text, Bulletin).Out.TrimEnd('\n').Replace("\r\n", "\n");
        using var doc = JsonDocument.Parse(Run(ExtractFormat.Jsonl, Bulletin).Out);
        foreach (var f in doc.RootElement.GetProperty("figures").EnumerateArray())
        {
            var (start, end) = (f.GetProperty("start").GetInt32(), f.GetProperty("end").GetInt32());
            Assert.Equal(f.GetProperty("text").GetString(), clean[start..end]);
        }
    }

    [Fact]
    public void Csv_has_a_stable_header_and_quotes_per_RFC_4180()
    {
        var (_, output, _) = Run(ExtractFormat.Csv, Bulletin);
        var lines = output.Split("\r\n");
        Assert.Equal(string.Join(',', Output.CsvColumns), lines[0]);
        Assert.True(lines.Length > 2);
        Assert.Equal("\"a, \"\"b\"\"\"", Output.Csv("a, \"b\""));
        Assert.Equal("'=1+2", Output.Csv("=1+2"));
    }

    [Fact]
    public void Table_writes_values_the_Vietnamese_way_with_the_sentence()
    {
        var (_, output, _) = RunWithInput(ExtractFormat.Table, "Năm 2020 tổng vốn đầu tư đạt 2.599,5 tỷ đồng.", "-");
        Assert.Contains("2.599,5 tỷ đồng", output);
        Assert.Contains("« Năm 2020 tổng vốn đầu tư đạt 2.599,5 tỷ đồng. »", output);
        Assert.True(output.IndexOf('«') < output.IndexOf("2.599,5 tỷ đồng ", StringComparison.Ordinal), "the sentence heads its figures");
    }

    [Theory]
    [InlineData(1023600000, "USD", "1.023,6 triệu USD")]
    [InlineData(2599500000000, "VND", "2.599,5 tỷ đồng")]
    [InlineData(3460000000, "USD", "3,46 tỷ USD")]
    [InlineData(98.52, "percent", "98,52%")]
    [InlineData(67795, "worker", "67.795 lao động")]
    public void Values_are_written_the_Vietnamese_way_without_losing_digits(decimal value, string unit, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Amount(value, unit));

    [Fact]
    public void Unreadable_inputs_get_a_message_and_exit_1_while_the_rest_are_extracted()
    {
        var binary = Path.Combine(Path.GetTempPath(), $"pipeline-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(binary, Enumerable.Range(0, 4096).Select(i => (byte)(i % 7)).ToArray());
        try
        {
            var (code, output, error) = Run(ExtractFormat.Jsonl, "no/such/file.txt", binary, Bulletin);
            Assert.Equal(1, code);
            Assert.Contains("no/such/file.txt: no such file", error);
            Assert.Contains("binary", error);
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(binary);
        }
    }

    [Fact]
    public void Legacy_windows_1258_files_are_read_with_a_warning()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1258).GetBytes(Cp1258Form("Năm 2022 thu hút 12 dự án với vốn đầu tư 300 tỷ đồng."));
        var read = InputReader.Decode("legacy.txt", bytes);
        Assert.NotNull(read.Text);
        Assert.Contains("windows-1258", Assert.Single(read.Warnings));
        var d = DocumentExtractor.Extract("legacy.txt", read.Text!);
        Assert.Contains(d.Figures, f => f.Value == 300_000_000_000m && f.Unit == "VND");
    }

    /// <summary>Windows-1258 writes hats and horns precomposed but tones as combining marks.</summary>
    private static string Cp1258Form(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is '\u0302' or '\u031B' or '\u0306' && sb.Length > 0)
            {
                sb.Append((sb[^1] + c.ToString()).Normalize(NormalizationForm.FormC)[0]);
                sb.Remove(sb.Length - 2, 1);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    [Fact]
    public void Empty_input_gives_an_empty_result()
    {
        var (code, output, _) = RunWithInput(ExtractFormat.Jsonl, "", "-");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0, doc.RootElement.GetProperty("figures").GetArrayLength());
    }

    [Fact]
    public void Numbers_command_prints_one_object_per_number_with_range()
    {
        var output = new StringWriter();
        Commands.Numbers("thu hút 2-3 dự án và 689,7 triệu USD", table: false, all: false, output, new StringWriter());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("project", first.RootElement.GetProperty("unit").GetString());
        Assert.Equal(3, first.RootElement.GetProperty("range")[1].GetDecimal());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(689700000m, second.RootElement.GetProperty("value").GetDecimal());
    }

    [Fact]
    public void ALargeInputSaysEachStepOnTheTerminalAndASmallOneSaysNothing()
    {
        var bulletin = Directory.GetFiles(Repo.Path("corpus", "bulletins"), "*.txt").Order().First();
        var large = Path.Combine(Path.GetTempPath(), $"pipeline-large-{Guid.NewGuid():N}.txt");
        var text = File.ReadAllText(bulletin);
        File.WriteAllText(large, string.Join("\n\n", Enumerable.Repeat(text, (1_100_000 / System.Text.Encoding.UTF8.GetByteCount(text)) + 1)));
        try
        {
            var terminal = new StringWriter();
            var code = Commands.Extract([bulletin, large], ExtractFormat.Jsonl, TextReader.Null, new StringWriter(), terminal, parallel: 2, progress: new LargeInputProgress(terminal));
            Assert.Equal(0, code);
            var lines = terminal.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.DoesNotContain(lines, l => l.Contains(Path.GetFileName(bulletin), StringComparison.Ordinal)); // small: silent
            Assert.Contains(lines, l => l.StartsWith($"pipeline: reading {large} (", StringComparison.Ordinal) && l.Contains(" MB)", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"pipeline: {large}: numbers… (", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"pipeline: {large}: read in ", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(large);
        }
    }

    [Theory]
    [InlineData("extract", "0")]
    [InlineData("extract", "abc")]
    [InlineData("index", "abc")]
    public async Task AWrongParallelCountIsAUsageErrorNeverACrash(string command, string count)
    {
        List<string> args = [command, "-j", count, "corpus/bulletins/a01-bac-ninh-tong-ket-2018.txt"];
        if (command == "index")
        {
            args.AddRange(["--index", Path.Combine(Path.GetTempPath(), "pipeline-j-" + Guid.NewGuid().ToString("N")[..8])]);
        }

        var run = await BuiltCli.RunAsync(args);
        Assert.Equal(2, run.Code);
        Assert.Contains("--parallel", run.Errors);
        Assert.DoesNotContain("   at ", run.Errors);
    }
}
