using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

/// <summary>
/// `ab DIR_A DIR_B [ROUNDS] [tables]`: the figures layer of two builds (two copies of this benchmark's output folder) over the
/// corpus's bulletins (or its table pages), in one process, alternating: each round runs five passes of A, then five of B, and reads the thread's own
/// CPU time. On a shared machine this compares two builds fairly where wall times are noise: both see the same load
/// minute by minute, and time spent waiting for a core is not counted.
/// </summary>
public static class AlternatingBuilds
{
    public static void Run(string folderA, string folderB, int rounds, bool tables = false)
    {
        var texts = tables ? Corpus.Tables : Corpus.Texts;
        var a = Pass(folderA, texts);
        var b = Pass(folderB, texts);
        if (a() != b())
        {
            Console.WriteLine("the two builds give different figure counts");
        }

        for (var i = 0; i < 30; i++)
        {
            a();
            b();
        }

        var (timesA, timesB) = (new List<double>(), new List<double>());
        for (var r = 0; r < rounds; r++)
        {
            foreach (var (pass, times) in new[] { (a, timesA), (b, timesB) })
            {
                GC.Collect();
                var before = ThreadCpuMilliseconds();
                for (var i = 0; i < 5; i++)
                {
                    pass();
                }

                times.Add((ThreadCpuMilliseconds() - before) / 5);
            }
        }

        timesA.Sort();
        timesB.Sort();
        double Median(List<double> t) => t[t.Count / 2];
        double Quartile(List<double> t) => t[t.Count / 4];
        Console.WriteLine($"A: median {Median(timesA):0.0}, lower quartile {Quartile(timesA):0.0} ms of thread CPU per pass; " +
                          $"B: median {Median(timesB):0.0}, lower quartile {Quartile(timesB):0.0}; " +
                          $"B/A {Median(timesB) / Median(timesA):0.000} (medians), {Quartile(timesB) / Quartile(timesA):0.000} (quartiles)");
    }

    // One pass of a build's figures layer over the corpus, its extractor loaded on its own (reflection, as the types differ).
    private static Func<int> Pass(string folder, string[] texts)
    {
        var context = new AssemblyLoadContext(folder);
        context.Resolving += (c, name) => File.Exists(Path.Combine(folder, name.Name + ".dll")) ? c.LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
        var extractor = context.LoadFromAssemblyPath(Path.Combine(folder, "Pipeline.Extraction.dll")).GetType("Pipeline.Extraction.DocumentExtractor")!;
        var read = extractor.GetMethods().First(m => m.Name == "Read");
        var extract = extractor.GetMethods().First(m => m.Name == "Extract" && m.GetParameters().Length == 4);
        var figures = extract.ReturnType.GetProperty("Figures")!;
        var inputs = texts.Select(t => (ITuple)read.Invoke(null, [t, null])!).ToArray();
        return () => inputs.Sum(r => ((ICollection)figures.GetValue(extract.Invoke(null, ["b", r[0], r[1], null]))!).Count);
    }

    private static double ThreadCpuMilliseconds()
    {
        _ = GetResourceUsage(1, out var usage); // RUSAGE_THREAD: this thread only
        return (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResident, SharedText, SharedData, SharedStack, MinorFaults, MajorFaults, Swaps, BlocksIn, BlocksOut, MessagesSent, MessagesReceived, Signals, VoluntarySwitches, InvoluntarySwitches;
    }
}
