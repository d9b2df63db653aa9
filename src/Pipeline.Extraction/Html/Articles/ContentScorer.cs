using AngleSharp.Dom;

namespace Pipeline.Extraction.Html;

/// <summary>Where the article is: the best-scored container and the siblings that continue it, as element indexes.</summary>
internal sealed record ContentRegion(int Top, IReadOnlyList<int> Elements, double Score);

/// <summary>
/// The generic content scorer: every paragraph of 25 letters or more gives points (one, plus its
/// commas, plus its length in hundreds up to three) to its container and, less, to the two above;
/// a container's points are cut by its link density and by a furniture mark around it, and raised by
/// a content class or id (noidung, chitiet, news-detail, journal-content-article …).
/// </summary>
internal static class ContentScorer
{
    public static ContentRegion Choose(BlockReader reader)
    {
        var parents = reader.Parents;
        var n = parents.Count;
        var points = new double[n];
        var chars = new int[n];
        var linkChars = new int[n];
        var sentence = new bool[n];
        foreach (var b in reader.Blocks)
        {
            var hasSentence = b.Text.Contains(". ", StringComparison.Ordinal) || b.Text.EndsWith('.');
            for (var e = b.OwnerId; e >= 0; e = parents[e])
            {
                chars[e] += b.Text.Length;
                linkChars[e] += b.LinkChars;
                sentence[e] |= hasSentence;
            }

            var plain = b.Text.Length - b.LinkChars;
            if (plain < 25)
            {
                continue;
            }

            var gain = 1 + Commas(b.Text) + Math.Min(plain / 100, 3);
            var share = 1.0;
            for (var (level, target) = (0, Container(reader, b)); level < 3 && target >= 0; level++, target = parents[target])
            {
                points[target] += gain * share;
                share /= 2;
            }
        }

        var scores = new double[n];
        var best = -1;
        for (var e = 0; e < n; e++)
        {
            if (points[e] <= 0)
            {
                continue;
            }

            var density = chars[e] == 0 ? 0 : (double)linkChars[e] / chars[e];
            var score = points[e] * (1 - density);
            score *= Furniture.HasContentHint(reader.Elements[e]) ? 1.3 : 1;
            score *= InsideFurniture(reader, e) ? 0.3 : 1;
            scores[e] = score;
            if (best < 0 || score > scores[best])
            {
                best = e;
            }
        }

        if (best < 0)
        {
            return new ContentRegion(0, [0], 0);
        }

        var elements = new List<int>();
        var parent = parents[best];
        if (parent < 0)
        {
            elements.Add(best);
            return new ContentRegion(best, elements, scores[best]);
        }

        // Siblings that continue the article: a lead in its own box, a second body part.
        for (var e = 0; e < n; e++)
        {
            if (parents[e] == parent
                && (e == best
                    || (!reader.Marked[e] && (scores[e] >= Math.Max(3, 0.2 * scores[best])
                                              || (chars[e] - linkChars[e] >= 80 && linkChars[e] < 0.25 * chars[e] && sentence[e])))))
            {
                elements.Add(e);
            }
        }

        return new ContentRegion(best, elements, scores[best]);
    }

    private static bool InsideFurniture(BlockReader reader, int e)
    {
        for (var x = e; x >= 0; x = reader.Parents[x])
        {
            if (reader.Marked[x] && reader.Elements[x].LocalName != "body")
            {
                return true;
            }
        }

        return false;
    }

    // A paragraph's points go to the element holding it; text written straight into a div belongs to the div.
    private static int Container(BlockReader reader, TextBlock b)
    {
        if (b.IsRow)
        {
            var table = reader.Parents[b.OwnerId];
            while (table >= 0 && reader.Elements[table].LocalName != "table")
            {
                table = reader.Parents[table];
            }

            return table >= 0 ? reader.Parents[table] : -1;
        }

        return b.Owner.LocalName is "div" or "section" or "article" or "main" or "body" or "td" or "form" or "center"
            ? b.OwnerId
            : reader.Parents[b.OwnerId];
    }

    private static int Commas(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            n += c == ',' ? 1 : 0;
        }

        return n;
    }
}
