using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pipeline.Extraction.Html;

/// <summary>
/// Single-thread article extraction over portal-sized pages: the fixture pages padded to about
/// 100 KB with what real portals carry (a mega-menu, sidebars of links, inline scripts and styles,
/// a long related list), as the crawler will meet them.
/// </summary>
public static class ArticleBench
{
    public static void Run(int runs)
    {
        var folder = Path.Combine(Corpus.Root, "tests", "Pipeline.Extraction.Tests", "Pages");
        var pages = Directory.GetFiles(folder, "*.html").Where(p => !Path.GetFileName(p).StartsWith("list-", StringComparison.Ordinal)).Order()
            .Select(p => Pad(File.ReadAllText(p, Encoding.UTF8), 100_000)).ToArray();
        var kb = pages.Average(p => Encoding.UTF8.GetByteCount(p)) / 1024;

        foreach (var page in pages)
        {
            var a = ArticleExtractor.Extract(page);
            if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") is not null)
            {
                Console.WriteLine($"{a.Body.Length,6} {a.IsListing,-5} {a.Reason} | {a.Title}");
            }
        }

        // Warm-up long enough for tiered compilation to reach optimised code.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 2000)
        {
            foreach (var page in pages)
            {
                ArticleExtractor.Extract(page);
            }
        }

        // Rounds of `runs` passes each; the median and the best round are reported, as other work on the
        // machine slows some rounds. CPU time is the whole process's (GC threads included).
        var rates = new List<double>();
        var bodyChars = 0L;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        for (var round = 0; round < 7; round++)
        {
            var sw = Stopwatch.StartNew();
            for (var r = 0; r < runs; r++)
            {
                foreach (var page in pages)
                {
                    bodyChars += ArticleExtractor.Extract(page).Body.Length;
                }
            }

            rates.Add(runs * pages.Length / sw.Elapsed.TotalSeconds);
        }

        var n = 7 * runs * pages.Length;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var perPage = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)n;
        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles: {pages.Length} pages of {kb:0} KB on average, 7 rounds of {runs} passes: median {rates[3]:0} pages/s ({1000 / rates[3]:0.00} ms/page), best round {rates[^1]:0} pages/s, worst {rates[0]:0}; {n / cpuSeconds:0} pages per CPU-second over {total.Elapsed.TotalSeconds:0.0} s; {perPage / 1024 / 1024:0.00} MB allocated per page ({bodyChars / n} body chars per page)"));
        if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") is not null)
        {
            // The parser alone, to tell its share from the extractor's.
            var parser = new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions { IsScripting = false });
            var parse = Stopwatch.StartNew();
            for (var r = 0; r < runs; r++)
            {
                foreach (var page in pages)
                {
                    parser.ParseDocument(page);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse only: {parse.Elapsed.TotalMilliseconds / (runs * pages.Length):0.00} ms/page"));
        }
    }

    /// <summary>Adds portal furniture around the page's own markup until it reaches the size.</summary>
    public static string Pad(string page, int size)
    {
        var top = new StringBuilder("<div class=\"mega-menu\"><ul>");
        var bottom = new StringBuilder();
        var i = 0;
        while (page.Length + top.Length + bottom.Length < size)
        {
            top.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/chuyen-muc/{i}\">Chuyên mục {i}</a><ul><li><a href=\"/chuyen-muc/{i}/tin-hoat-dong\">Tin hoạt động</a></li><li><a href=\"/chuyen-muc/{i}/thong-bao\">Thông báo</a></li></ul></li>");
            bottom.Append(CultureInfo.InvariantCulture, $"<div class=\"box-news\"><a href=\"/tin/{i}.html\"><img src=\"/thumb/{i}.jpg\" alt=\"IMG_{1000 + i}.jpg\"></a><h4><a href=\"/tin/{i}.html\">Ban Quản lý làm việc với doanh nghiệp về kế hoạch sản xuất, đợt {i}</a></h4><span class=\"date\">{1 + i % 28:00}/{1 + i % 12:00}/2023</span></div>\n");
            bottom.Append(CultureInfo.InvariantCulture, $"<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{'event':'view','slot':{i},'path':'/tin/{i}.html'}});function f{i}(a,b){{return a.replace(/\\s+/g,' ')+b;}}</script>\n");
            if (i % 10 == 0)
            {
                bottom.Append("<style>.box-news{float:left;width:25%;padding:4px}.box-news h4{font-size:13px;margin:0}.date{color:#888}</style>\n");
            }

            i++;
        }

        top.Append("</ul></div>");
        var bodyAt = page.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var bodyOpen = bodyAt < 0 ? 0 : page.IndexOf('>', bodyAt) + 1;
        var bodyClose = page.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        bodyClose = bodyClose < bodyOpen ? page.Length : bodyClose;
        return page[..bodyOpen] + top + page[bodyOpen..bodyClose] + "<aside class=\"sidebar\">" + bottom + "</aside>" + page[bodyClose..];
    }
}
