using AngleSharp.Dom;

namespace Pipeline.Extraction.Html;

/// <summary>Where the article is: the best-scored container and the siblings that continue it.</summary>
internal sealed record ContentRegion(IElement Top, IReadOnlyList<IElement> Elements, double Score);

/// <summary>
/// The generic content scorer: every paragraph of 25 letters or more gives points (one, plus its
/// commas, plus its length in hundreds up to three) to its container and, less, to the two above;
/// a container's points are cut by its link density and by a furniture mark around it, and raised by
/// a content class or id (noidung, chitiet, news-detail, journal-content-article …).
/// </summary>
internal static class ContentScorer
{
    private sealed class Stat
    {
        public double Points;
        public int Chars;
        public int LinkChars;
        public bool HasSentence;
    }

    private const int MaxHops = 60;

    public static ContentRegion Choose(IReadOnlyList<TextBlock> blocks, IElement root)
    {
        var stats = new Dictionary<IElement, Stat>(ReferenceEqualityComparer.Instance);
        foreach (var b in blocks)
        {
            var hops = 0;
            for (var e = b.Owner; e is not null && hops < MaxHops; e = e.ParentElement, hops++)
            {
                var s = Get(stats, e);
                s.Chars += b.Text.Length;
                s.LinkChars += b.LinkChars;
                s.HasSentence |= b.Text.Contains(". ", StringComparison.Ordinal) || b.Text.EndsWith('.');
                if (e == root)
                {
                    break;
                }
            }

            var plain = b.Text.Length - b.LinkChars;
            if (plain < 25)
            {
                continue;
            }

            var points = 1 + Commas(b.Text) + Math.Min(plain / 100, 3);
            var target = Container(b);
            var share = 1.0;
            for (var level = 0; level < 3 && target is not null; level++, target = target.ParentElement)
            {
                Get(stats, target).Points += points * share;
                share /= 2;
            }
        }

        IElement? best = null;
        var bestScore = 0.0;
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var (e, s) in stats)
        {
            if (s.Points <= 0)
            {
                continue;
            }

            var score = Score(e, s);
            scores[e] = score;
            if (score > bestScore)
            {
                (best, bestScore) = (e, score);
            }
        }

        if (best is null)
        {
            return new ContentRegion(root, [root], 0);
        }

        var elements = new List<IElement>();
        if (best.ParentElement is { } parent && best != root)
        {
            foreach (var sibling in parent.Children)
            {
                if (sibling == best
                    || (!Furniture.IsMarked(sibling, Furniture.Marks(sibling)) && stats.TryGetValue(sibling, out var s)
                        && (scores.GetValueOrDefault(sibling) >= Math.Max(3, 0.2 * bestScore)
                            || (s.Chars - s.LinkChars >= 80 && s.LinkChars < 0.25 * s.Chars && s.HasSentence))))
                {
                    elements.Add(sibling);
                }
            }
        }
        else
        {
            elements.Add(best);
        }

        return new ContentRegion(best, elements, bestScore);
    }

    private static Stat Get(Dictionary<IElement, Stat> stats, IElement e)
    {
        if (!stats.TryGetValue(e, out var s))
        {
            s = new Stat();
            stats[e] = s;
        }

        return s;
    }

    private static double Score(IElement e, Stat s)
    {
        var density = s.Chars == 0 ? 0 : (double)s.LinkChars / s.Chars;
        var score = s.Points * (1 - density);
        var marks = Furniture.Marks(e);
        if (Furniture.HasContentHint(marks))
        {
            score *= 1.3;
        }

        if (InsideFurniture(e))
        {
            score *= 0.3;
        }

        return score;
    }

    private static bool InsideFurniture(IElement e)
    {
        var hops = 0;
        for (var x = e; x is not null && hops < MaxHops; x = x.ParentElement, hops++)
        {
            if (x.LocalName != "body" && Furniture.IsMarked(x, Furniture.Marks(x)))
            {
                return true;
            }
        }

        return false;
    }

    // A paragraph's points go to the element holding it; text written straight into a div belongs to the div.
    private static IElement? Container(TextBlock b)
    {
        if (b.IsRow)
        {
            return b.Owner.Closest("table")?.ParentElement;
        }

        return b.Owner.LocalName is "div" or "section" or "article" or "main" or "body" or "td" or "form" or "center"
            ? b.Owner
            : b.Owner.ParentElement;
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
