using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace Pipeline.Search;

/// <summary>
/// Reads index files through memory maps, as Lucene.Net's <c>MMapDirectory</c> does, without its clone
/// registry. Lucene.Net 4.8 adds every clone of a mapped input (a few per query term and segment) to a
/// weak table so that closing a file can invalidate its clones; that bookkeeping was a sixth of a
/// query's time and grew between full collections (docs/benchmarks.md). Here a file's map is released
/// when the last input reading it is collected, so a clone read after its file was closed still reads
/// mapped memory instead of crashing. Writes use <see cref="FSDirectory"/>'s ordinary file output.
/// </summary>
public sealed class MappedDirectory(DirectoryInfo folder, LockFactory? locks = null) : FSDirectory(folder, locks)
{
    /// <summary>The mapped directory on a 64-bit process (a file maps whole), else Lucene's choice for the platform.</summary>
    public static FSDirectory OpenFolder(string folder, LockFactory? locks = null) =>
        Environment.Is64BitProcess ? new MappedDirectory(new DirectoryInfo(folder), locks) : FSDirectory.Open(new DirectoryInfo(folder), locks);

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = MappedFile.Open(Path.Combine(Directory.FullName, name));
        return new MappedInput($"MappedInput(path=\"{file.Path}\")", file, 0, file.Length);
    }

    /// <summary>Compound files open their parts as slices of one map.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(MappedFile.Open(Path.Combine(Directory.FullName, name)));
    }

    private sealed class Slicer(MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > file.Length)
            {
                throw new ArgumentException($"slice {sliceDescription} out of bounds: offset={offset}, length={length}, file length={file.Length} ({file.Path})");
            }

            return new MappedInput($"MappedInput({sliceDescription} in path=\"{file.Path}\" slice={offset}:{offset + length})", file, offset, length);
        }

        [Obsolete("Only for reading 3.x compound files.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, file.Length);

        protected override void Dispose(bool disposing)
        {
            // The map lives while any slice reads it; the collector releases it after the last one.
        }
    }
}

/// <summary>
/// One file mapped read-only. The file and mapping handles are closed as soon as the view exists (a view keeps
/// the mapping alive by itself), so open files do not pile up; the view is unmapped by its handle's finalizer
/// once nothing reads it.
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedViewAccessor? _view;

    private MappedFile(string path, long length, MemoryMappedViewAccessor? view)
    {
        Path = path;
        Length = length;
        _view = view;
        Start = view is null ? null : (byte*)view.SafeMemoryMappedViewHandle.DangerousGetHandle() + view.PointerOffset;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>The file's first byte; valid while this object is reachable.</summary>
    public byte* Start { get; }

    public static MappedFile Open(string path)
    {
        // Shared for writing and deleting: Lucene deletes merged-away files while readers may still hold them.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;
        if (length == 0)
        {
            stream.Dispose(); // an empty file cannot be mapped, and has nothing to read
            return new MappedFile(path, 0, null);
        }

        MemoryMappedFile map;
        try
        {
            map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        using (map) // closes the mapping and the file; the view stays valid
        {
            return new MappedFile(path, length, map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read));
        }
    }

    /// <summary>Keeps the view (and so <see cref="Start"/>) alive up to the caller's last read.</summary>
    public void KeepAlive() => GC.KeepAlive(_view);
}

/// <summary>
/// A window [offset, offset + length) of a mapped file, read through a pointer. Clones share the map and
/// copy only the position; nothing is registered anywhere, so a clone costs one small object.
/// </summary>
internal sealed unsafe class MappedInput : IndexInput
{
    private readonly MappedFile _file;
    private readonly byte* _start;
    private readonly long _length;
    private long _position;

    public MappedInput(string description, MappedFile file, long offset, long length)
        : base(description)
    {
        _file = file;
        _start = file.Start + offset;
        _length = length;
    }

    public override long Length => _length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _length)
        {
            throw new EndOfStreamException($"seek to {pos} outside 0..{_length}: {this}");
        }

        _position = pos;
    }

    public override byte ReadByte()
    {
        if (_position >= _length)
        {
            throw PastEnd(1);
        }

        var b = _start[_position++];
        _file.KeepAlive();
        return b;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        var bytes = Take(len);
        bytes.CopyTo(b.AsSpan(offset, len));
        _file.KeepAlive();
    }

    // Lucene writes fixed-width integers big-endian.
    public override short ReadInt16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));
        _file.KeepAlive();
        return value;
    }

    public override int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));
        _file.KeepAlive();
        return value;
    }

    public override long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));
        _file.KeepAlive();
        return value;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _length - _position)
        {
            throw PastEnd(count);
        }

        var span = new ReadOnlySpan<byte>(_start + _position, count);
        _position += count;
        return span;
    }

    private EndOfStreamException PastEnd(int count) => new($"read of {count} bytes at {_position} past the end ({_length}): {this}");

    protected override void Dispose(bool disposing)
    {
        // Nothing to close: the map is released once no input reads it (see MappedDirectory).
    }
}
