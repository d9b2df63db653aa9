using Lucene.Net.Index;
using Lucene.Net.Store;
using Pipeline.Application;
using Pipeline.Extraction;

namespace Pipeline.Search.Tests;

/// <summary>The index reads its files through <see cref="MappedDirectory"/>; what it reads must be what was written.</summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"pipeline-mapped-{Guid.NewGuid():N}");

    public MappedDirectoryTests() => System.IO.Directory.CreateDirectory(_folder);

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private MappedDirectory Open() => new(new DirectoryInfo(_folder));

    private static void Write(Lucene.Net.Store.Directory directory, string name)
    {
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        output.WriteByte(7);
        output.WriteInt16(-2);
        output.WriteInt32(123_456_789);
        output.WriteInt64(-9_876_543_210L);
        output.WriteVInt32(300);
        output.WriteString("Khu công nghiệp Đình Vũ");
        output.WriteBytes([1, 2, 3, 4, 5], 5);
    }

    [Fact]
    public void Reads_back_every_value_type_as_written()
    {
        using var directory = Open();
        Write(directory, "values.bin");
        using var input = directory.OpenInput("values.bin", IOContext.DEFAULT);

        Assert.Equal(7, input.ReadByte());
        Assert.Equal(-2, input.ReadInt16());
        Assert.Equal(123_456_789, input.ReadInt32());
        Assert.Equal(-9_876_543_210L, input.ReadInt64());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal("Khu công nghiệp Đình Vũ", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal([1, 2, 3, 4, 5], bytes);
        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void A_clone_keeps_its_own_position_and_outlives_its_original()
    {
        using var directory = Open();
        Write(directory, "values.bin");
        var input = directory.OpenInput("values.bin", IOContext.DEFAULT);
        input.Seek(3);
        var clone = (IndexInput)input.Clone();
        Assert.Equal(123_456_789, clone.ReadInt32());
        Assert.Equal(3, input.Position);

        // Lucene should never read a clone after closing its file; if it does, it reads the map, not freed memory.
        input.Dispose();
        Assert.Equal(-9_876_543_210L, clone.ReadInt64());
    }

    [Fact]
    public void Reads_and_seeks_past_the_end_fail_with_end_of_stream()
    {
        using var directory = Open();
        Write(directory, "values.bin");
        using var input = directory.OpenInput("values.bin", IOContext.DEFAULT);
        Assert.Throws<EndOfStreamException>(() => input.Seek(input.Length + 1));
        input.Seek(input.Length - 2);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[8], 0, 8));

        using (directory.CreateOutput("empty.bin", IOContext.DEFAULT))
        {
        }

        using var empty = directory.OpenInput("empty.bin", IOContext.DEFAULT);
        Assert.Equal(0, empty.Length);
        Assert.Throws<EndOfStreamException>(() => empty.ReadByte());
    }

    [Fact]
    public void Open_inputs_do_not_hold_open_files()
    {
        // A long indexing run opens thousands of segment files; their maps wait for the collector, their handles must not.
        if (!System.IO.Directory.Exists("/proc/self/fd"))
        {
            return; // counting open files needs Linux's /proc
        }

        using var directory = Open();
        Write(directory, "values.bin");
        var before = System.IO.Directory.GetFiles("/proc/self/fd").Length;
        var inputs = Enumerable.Range(0, 200).Select(_ => directory.OpenInput("values.bin", IOContext.DEFAULT)).ToList();
        Assert.True(System.IO.Directory.GetFiles("/proc/self/fd").Length - before < 20, "each open input kept a file handle");
        Assert.All(inputs, i => Assert.Equal(7, i.ReadByte()));
    }

    [Fact]
    public void Slices_read_their_window_and_refuse_one_outside_the_file()
    {
        using var directory = Open();
        Write(directory, "values.bin");
        using var slicer = directory.CreateSlicer("values.bin", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("ints", 3, 4);
        Assert.Equal(4, slice.Length);
        Assert.Equal(123_456_789, slice.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("beyond", 10, 1_000));
    }

    [Fact]
    public void An_index_read_through_maps_checks_clean_and_matches_plain_file_reads()
    {
        using (var index = SearchIndex.Open(_folder, SearchLanguage.Vocabulary))
        {
            foreach (var (path, i) in CorpusIndex.Files().Take(6).Select((f, i) => (f, i)))
            {
                var (text, metadata) = DocumentExtractor.Read(File.ReadAllText(path, System.Text.Encoding.UTF8));
                index.Upsert(new IndexedDocument(DocumentExtractor.Extract($"doc-{i}", text, metadata), text.Clean));
                index.Commit(); // one segment each, so compound files are read as slices
            }

            Assert.Equal(6, index.DocumentCount);
            Assert.NotEmpty(index.Search(new SearchRequest { Text = "khu cong nghiep" }).Hits);
        }

        using var mapped = Open();
        Assert.True(new CheckIndex(mapped).DoCheckIndex().Clean);
        using var plain = new SimpleFSDirectory(new DirectoryInfo(_folder));
        foreach (var name in mapped.ListAll())
        {
            using var a = mapped.OpenInput(name, IOContext.DEFAULT);
            using var b = plain.OpenInput(name, IOContext.DEFAULT);
            Assert.Equal(b.Length, a.Length);
            var (bytesA, bytesB) = (new byte[a.Length], new byte[b.Length]);
            a.ReadBytes(bytesA, 0, bytesA.Length);
            b.ReadBytes(bytesB, 0, bytesB.Length);
            Assert.Equal(bytesB, bytesA);
        }
    }
}
