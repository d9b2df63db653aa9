using Pipeline.Crawling.Robots;

namespace Pipeline.Crawling.Tests;

/// <summary>
/// The cases of Google's public robots.txt test suite (google/robotstxt, robots_test.cc), restated:
/// first its RFC 9309 cases, then its Google-only ones. Where we part from Google's parser the case
/// says so, and docs/sources.md ("robots.txt") says why.
/// </summary>
public class RobotsSuiteTests
{
    private static bool Allowed(string robots, string agent, string url) => RobotsPolicy.Parse(robots, agent).IsAllowed(url);

    private const string FooDisallowsAll = "user-agent: FooBot\ndisallow: /\n";

    // --- RFC 9309 §2.1: lines, groups, and what closes a group ---

    [Fact]
    public void A_line_is_a_key_a_colon_and_a_value()
    {
        Assert.False(Allowed(FooDisallowsAll, "FooBot", "http://foo.bar/x/y"));
        Assert.True(Allowed("foo: FooBot\nbar: /\n", "FooBot", "http://foo.bar/x/y")); // unknown keys are no rules
        // Google (and we) still read a known key whose colon is missing.
        Assert.False(Allowed("user-agent FooBot\ndisallow /\n", "FooBot", "http://foo.bar/x/y"));
    }

    private const string ManyGroups = """
        allow: /foo/bar/

        user-agent: FooBot
        disallow: /
        allow: /x/
        user-agent: BarBot
        disallow: /
        allow: /y/


        allow: /w/
        user-agent: BazBot

        user-agent: FooBot
        allow: /z/
        disallow: /
        """;

    [Theory]
    [InlineData("FooBot", "http://foo.bar/x/b", true)]
    [InlineData("FooBot", "http://foo.bar/z/d", true)]  // the second FooBot group is merged with the first
    [InlineData("FooBot", "http://foo.bar/y/c", false)]
    [InlineData("BarBot", "http://foo.bar/y/c", true)]
    [InlineData("BarBot", "http://foo.bar/w/a", true)]  // a rule after blank lines still belongs to the group
    [InlineData("BarBot", "http://foo.bar/z/d", false)]
    [InlineData("BazBot", "http://foo.bar/z/d", true)]  // a blank line between user-agent lines does not end the run
    [InlineData("FooBot", "http://foo.bar/foo/bar/", false)] // a rule before any group is void
    [InlineData("BarBot", "http://foo.bar/foo/bar/", false)]
    [InlineData("BazBot", "http://foo.bar/foo/bar/", false)]
    public void Groups_start_at_user_agent_lines_and_merge_per_agent(string agent, string url, bool allowed) =>
        Assert.Equal(allowed, Allowed(ManyGroups, agent, url));

    [Theory]
    [InlineData("User-agent: BarBot\nSitemap: https://foo.bar/sitemap\nUser-agent: *\nDisallow: /\n", "FooBot")]
    [InlineData("User-agent: BarBot\nSitemap: https://foo.bar/sitemap\nUser-agent: *\nDisallow: /\n", "BarBot")]
    [InlineData("User-agent: FooBot\nInvalid-Unknown-Line: unknown\nUser-agent: *\nDisallow: /\n", "FooBot")]
    [InlineData("User-agent: FooBot\nInvalid-Unknown-Line: unknown\nUser-agent: *\nDisallow: /\n", "BarBot")]
    public void A_line_that_is_not_a_group_line_does_not_end_the_run_of_user_agents(string robots, string agent) =>
        Assert.False(Allowed(robots, agent, "http://foo.bar/"));

    [Theory]
    [InlineData("USER-AGENT: FooBot\nALLOW: /x/\nDISALLOW: /\n")]
    [InlineData("user-agent: FooBot\nallow: /x/\ndisallow: /\n")]
    [InlineData("uSeR-aGeNt: FooBot\nAlLoW: /x/\ndIsAlLoW: /\n")]
    public void Keys_are_case_insensitive(string robots)
    {
        Assert.True(Allowed(robots, "FooBot", "http://foo.bar/x/y"));
        Assert.False(Allowed(robots, "FooBot", "http://foo.bar/a/b"));
    }

    // --- §2.2.1: the user-agent line ---

    [Theory]
    [InlineData("Foobot", true)]
    [InlineData("Foobot-Bar", true)]
    [InlineData("Foo_Bar", true)]
    [InlineData("", false)]
    [InlineData("ツ", false)]
    [InlineData("Foobot*", false)]
    [InlineData(" Foobot ", false)]
    [InlineData("Foobot/2.1", false)]
    [InlineData("Foobot Bar", false)]
    public void A_product_token_holds_letters_underscores_and_hyphens(string name, bool valid) =>
        Assert.Equal(valid, RobotsPolicy.IsValidProductToken(name));

    [Theory]
    [InlineData("User-Agent: FOO BAR\nAllow: /x/\nDisallow: /\n")]
    [InlineData("User-Agent: foo bar\nAllow: /x/\nDisallow: /\n")]
    [InlineData("User-Agent: FoO bAr\nAllow: /x/\nDisallow: /\n")]
    public void User_agent_values_are_case_insensitive(string robots)
    {
        foreach (var agent in new[] { "Foo", "foo" })
        {
            Assert.True(Allowed(robots, agent, "http://foo.bar/x/y"));
            Assert.False(Allowed(robots, agent, "http://foo.bar/a/b"));
        }
    }

    [Fact]
    public void Without_a_group_of_its_own_a_crawler_obeys_the_star_group_else_nothing()
    {
        const string url = "http://foo.bar/x/y";
        Assert.True(Allowed("", "FooBot", url));
        Assert.False(Allowed("user-agent: *\nallow: /\nuser-agent: FooBot\ndisallow: /\n", "FooBot", url));
        Assert.True(Allowed("user-agent: *\nallow: /\nuser-agent: FooBot\ndisallow: /\n", "BarBot", url));
        Assert.True(Allowed("user-agent: FooBot\nallow: /\nuser-agent: BarBot\ndisallow: /\nuser-agent: BazBot\ndisallow: /\n", "QuxBot", url));
    }

    // --- §2.2.2: allow and disallow ---

    [Fact]
    public void Paths_match_case_sensitively()
    {
        Assert.False(Allowed("user-agent: FooBot\ndisallow: /x/\n", "FooBot", "http://foo.bar/x/y"));
        Assert.True(Allowed("user-agent: FooBot\ndisallow: /X/\n", "FooBot", "http://foo.bar/x/y"));
    }

    [Theory]
    [InlineData("disallow: /x/page.html\nallow: /x/", "http://foo.bar/x/page.html", false)]
    [InlineData("allow: /x/page.html\ndisallow: /x/", "http://foo.bar/x/page.html", true)]
    [InlineData("allow: /x/page.html\ndisallow: /x/", "http://foo.bar/x/", false)]
    [InlineData("disallow: \nallow: ", "http://foo.bar/x/page.html", true)]          // equal: allow wins
    [InlineData("disallow: /\nallow: /", "http://foo.bar/x/page.html", true)]
    [InlineData("disallow: /x\nallow: /x/", "http://foo.bar/x", false)]
    [InlineData("disallow: /x\nallow: /x/", "http://foo.bar/x/", true)]
    [InlineData("disallow: /x/page.html\nallow: /x/page.html", "http://foo.bar/x/page.html", true)]
    [InlineData("allow: /page\ndisallow: /*.html", "http://foo.bar/page.html", false)] // longest pattern wins
    [InlineData("allow: /page\ndisallow: /*.html", "http://foo.bar/page", true)]
    [InlineData("allow: /x/page.\ndisallow: /*.html", "http://foo.bar/x/page.html", true)]
    [InlineData("allow: /x/page.\ndisallow: /*.html", "http://foo.bar/x/y.html", false)]
    public void The_longest_match_wins_and_a_tie_goes_to_allow(string rules, string url, bool allowed) =>
        Assert.Equal(allowed, Allowed("user-agent: FooBot\n" + rules + "\n", "FooBot", url));

    [Fact]
    public void A_crawler_with_its_own_group_ignores_the_star_group()
    {
        const string robots = "User-agent: *\nDisallow: /x/\nUser-agent: FooBot\nDisallow: /y/\n";
        Assert.True(Allowed(robots, "FooBot", "http://foo.bar/x/page"));
        Assert.False(Allowed(robots, "FooBot", "http://foo.bar/y/page"));
    }

    [Fact]
    public void A_query_with_question_marks_and_ampersands_matches_literally() =>
        Assert.True(Allowed("User-agent: FooBot\nDisallow: /\nAllow: /foo/bar?qux=taz&baz=http://foo.bar?tar&par\n",
            "FooBot", "http://foo.bar/foo/bar?qux=taz&baz=http://foo.bar?tar&par"));

    // RFC 9309 §2.2.2 normalises both sides the same way. Google's parser encodes the rule only and
    // leaves "%62" alone, so three of these differ from its verdicts (false there); we follow the RFC.
    [Theory]
    [InlineData("/foo/bar/ツ", "http://foo.bar/foo/bar/%E3%83%84", true)]
    [InlineData("/foo/bar/ツ", "http://foo.bar/foo/bar/ツ", true)]              // Google: false
    [InlineData("/foo/bar/%E3%83%84", "http://foo.bar/foo/bar/%E3%83%84", true)]
    [InlineData("/foo/bar/%E3%83%84", "http://foo.bar/foo/bar/ツ", true)]       // Google: false
    [InlineData("/foo/bar/%62%61%7A", "http://foo.bar/foo/bar/baz", true)]      // Google: false; RFC's own table: true
    [InlineData("/foo/bar/%62%61%7A", "http://foo.bar/foo/bar/%62%61%7A", true)]
    [InlineData("/foo/bar/%e3%83%84", "http://foo.bar/foo/bar/%E3%83%84", true)]  // escapes compare case-insensitively
    [InlineData("/tin-tức/", "http://foo.bar/tin-t%e1%bb%a9c/a.html", true)]
    public void Percent_encoding_is_normalised_on_both_sides(string allow, string url, bool allowed) =>
        Assert.Equal(allowed, Allowed($"User-agent: FooBot\nDisallow: /\nAllow: {allow}\n", "FooBot", url));

    [Fact]
    public void Raw_non_ascii_outside_the_basic_plane_is_encoded_whole() =>
        Assert.False(Allowed("User-agent: FooBot\nDisallow: /😀\n", "FooBot", "http://foo.bar/%F0%9F%98%80/a"));

    // --- §2.2.3: special characters ---

    [Theory]
    [InlineData("Disallow: /foo/bar/quz\nAllow: /foo/*/qux", "http://foo.bar/foo/bar/quz", false)]
    [InlineData("Disallow: /foo/bar/quz\nAllow: /foo/*/qux", "http://foo.bar/foo/quz", true)]
    [InlineData("Disallow: /foo/bar/quz\nAllow: /foo/*/qux", "http://foo.bar/foo//quz", true)]
    [InlineData("Disallow: /foo/bar/quz\nAllow: /foo/*/qux", "http://foo.bar/foo/bax/quz", true)]
    [InlineData("Disallow: /foo/bar$\nAllow: /foo/bar/qux", "http://foo.bar/foo/bar", false)]
    [InlineData("Disallow: /foo/bar$\nAllow: /foo/bar/qux", "http://foo.bar/foo/bar/qux", true)]
    [InlineData("Disallow: /foo/bar$\nAllow: /foo/bar/qux", "http://foo.bar/foo/bar/", true)]
    [InlineData("Disallow: /foo/bar$\nAllow: /foo/bar/qux", "http://foo.bar/foo/bar/baz", true)]
    [InlineData("# Disallow: /\nDisallow: /foo/quz#qux\nAllow: /", "http://foo.bar/foo/bar", true)]
    [InlineData("# Disallow: /\nDisallow: /foo/quz#qux\nAllow: /", "http://foo.bar/foo/quz", false)]
    public void Star_dollar_and_hash_mean_what_the_RFC_says(string rules, string url, bool allowed) =>
        Assert.Equal(allowed, Allowed("User-agent: FooBot\n" + rules + "\n", "FooBot", url));

    // --- Line ends and byte order marks ---

    [Theory]
    [InlineData("User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nDisallow: /\n")]
    [InlineData("User-Agent: foo\r\nAllow: /some/path\r\nUser-Agent: bar\r\n\r\n\r\nDisallow: /\r\n")]
    [InlineData("User-Agent: foo\rAllow: /some/path\rUser-Agent: bar\r\r\rDisallow: /\r")]
    [InlineData("User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nDisallow: /")]
    [InlineData("User-Agent: foo\nAllow: /some/path\r\nUser-Agent: bar\n\r\n\nDisallow: /")]
    public void Every_line_end_reads_the_same(string robots)
    {
        Assert.True(Allowed(robots, "foo", "/other"));
        Assert.False(Allowed(robots, "bar", "/other")); // "Disallow" is bar's: its user-agent line was read as a line of its own
    }

    [Theory]
    [InlineData("\uFEFFUser-Agent: foo\nDisallow: /AnyValue\n", false)]         // a whole BOM is skipped
    [InlineData("\uFFFDUser-Agent: foo\nDisallow: /AnyValue\n", false)]         // a BOM cut short, decoded as U+FFFD, too
    [InlineData("\uFFFD\u0011\uFFFDUser-Agent: foo\nDisallow: /AnyValue\n", true)] // a broken BOM spoils its line
    [InlineData("User-Agent: foo\n\uFEFFDisallow: /AnyValue\n", true)]           // a BOM is skipped only at the start
    public void A_byte_order_mark_is_skipped_at_the_start_only(string robots, bool allowed) =>
        Assert.Equal(allowed, Allowed(robots, "foo", "/AnyValue"));

    [Fact]
    public void A_sitemap_line_may_stand_anywhere()
    {
        const string groups = "User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\n";
        Assert.Equal(["http://foo.bar/sitemap.xml"], RobotsPolicy.Parse(groups + "Sitemap: http://foo.bar/sitemap.xml\n", "foo").Sitemaps);
        Assert.Equal(["http://foo.bar/sitemap.xml"], RobotsPolicy.Parse("Sitemap: http://foo.bar/sitemap.xml\n" + groups, "foo").Sitemaps);
    }

    // --- Google-only cases ---

    [Fact]
    public void Empty_inputs_follow_googles_system_test()
    {
        Assert.True(Allowed("", "FooBot", ""));
        Assert.True(Allowed(FooDisallowsAll, "", ""));
        Assert.False(Allowed(FooDisallowsAll, "FooBot", "")); // an empty URL is the root path
        Assert.True(Allowed("", "", ""));
    }

    [Fact]
    public void A_user_agent_line_names_the_agent_up_to_its_first_space()
    {
        const string robots = "User-Agent: *\nDisallow: /\nUser-Agent: Foo Bar\nAllow: /x/\nDisallow: /\n";
        Assert.True(Allowed(robots, "Foo", "http://foo.bar/x/y"));
        // Google is handed bare product tokens and finds no group for "Foo Bar"; we are handed the
        // crawler's user-agent header, whose product token is "Foo", so the Foo group applies.
        Assert.True(Allowed(robots, "Foo Bar", "http://foo.bar/x/y"));
    }

    [Theory]
    [InlineData("http://foo.com/allowed-slash/", false)] // Google: true ("index.html" stands for "/"); the RFC has no such rule
    [InlineData("http://foo.com/allowed-slash/index.htm", false)]
    [InlineData("http://foo.com/allowed-slash/index.html", true)]
    [InlineData("http://foo.com/anyother-url", false)]
    public void Index_html_is_only_itself(string url, bool allowed) =>
        Assert.Equal(allowed, Allowed("User-Agent: *\nAllow: /allowed-slash/index.html\nDisallow: /\n", "foobot", url));

    [Fact]
    public void A_line_longer_than_googles_cap_is_cut()
    {
        var longPath = "/x/" + new string('a', RobotsPolicy.MaxLineLength);
        var robots = $"user-agent: FooBot\ndisallow: {longPath}/qux\n";
        Assert.True(Allowed(robots, "FooBot", "http://foo.bar/fux"));
        Assert.False(Allowed(robots, "FooBot", $"http://foo.bar{longPath}/fux")); // the cut rule still matches

        var a = "/x/" + new string('a', RobotsPolicy.MaxLineLength);
        var b = "/x/" + new string('b', RobotsPolicy.MaxLineLength);
        var allows = $"user-agent: FooBot\ndisallow: /\nallow: {a}/qux\nallow: {b}/qux\n";
        Assert.False(Allowed(allows, "FooBot", "http://foo.bar/"));
        Assert.True(Allowed(allows, "FooBot", $"http://foo.bar{a}/qux"));
        Assert.True(Allowed(allows, "FooBot", $"http://foo.bar{b}/fux"));
    }

    [Theory]
    // "allow: /fish" (and "/fish*", the same)
    [InlineData("/fish", "/bar", false)]
    [InlineData("/fish", "/fish", true)]
    [InlineData("/fish", "/fish.html", true)]
    [InlineData("/fish", "/fish/salmon.html", true)]
    [InlineData("/fish", "/fishheads", true)]
    [InlineData("/fish", "/fishheads/yummy.html", true)]
    [InlineData("/fish", "/fish.html?id=anything", true)]
    [InlineData("/fish", "/Fish.asp", false)]
    [InlineData("/fish", "/catfish", false)]
    [InlineData("/fish", "/?id=fish", false)]
    [InlineData("/fish*", "/bar", false)]
    [InlineData("/fish*", "/fish", true)]
    [InlineData("/fish*", "/fish.html", true)]
    [InlineData("/fish*", "/fish/salmon.html", true)]
    [InlineData("/fish*", "/fishheads", true)]
    [InlineData("/fish*", "/fishheads/yummy.html", true)]
    [InlineData("/fish*", "/fish.html?id=anything", true)]
    [InlineData("/fish*", "/Fish.bar", false)]
    [InlineData("/fish*", "/catfish", false)]
    [InlineData("/fish*", "/?id=fish", false)]
    // "allow: /fish/" is not "/fish"
    [InlineData("/fish/", "/bar", false)]
    [InlineData("/fish/", "/fish/", true)]
    [InlineData("/fish/", "/fish/salmon", true)]
    [InlineData("/fish/", "/fish/?salmon", true)]
    [InlineData("/fish/", "/fish/salmon.html", true)]
    [InlineData("/fish/", "/fish/?id=anything", true)]
    [InlineData("/fish/", "/fish", false)]
    [InlineData("/fish/", "/fish.html", false)]
    [InlineData("/fish/", "/Fish/Salmon.html", false)]
    // "allow: /*.php"
    [InlineData("/*.php", "/bar", false)]
    [InlineData("/*.php", "/filename.php", true)]
    [InlineData("/*.php", "/folder/filename.php", true)]
    [InlineData("/*.php", "/folder/filename.php?parameters", true)]
    [InlineData("/*.php", "//folder/any.php.file.html", true)]
    [InlineData("/*.php", "/filename.php/", true)]
    [InlineData("/*.php", "/index?f=filename.php/", true)]
    [InlineData("/*.php", "/php/", false)]
    [InlineData("/*.php", "/index?php", false)]
    [InlineData("/*.php", "/windows.PHP", false)]
    // "allow: /*.php$"
    [InlineData("/*.php$", "/bar", false)]
    [InlineData("/*.php$", "/filename.php", true)]
    [InlineData("/*.php$", "/folder/filename.php", true)]
    [InlineData("/*.php$", "/filename.php?parameters", false)]
    [InlineData("/*.php$", "/filename.php/", false)]
    [InlineData("/*.php$", "/filename.php5", false)]
    [InlineData("/*.php$", "/php/", false)]
    [InlineData("/*.php$", "/filename?php", false)]
    [InlineData("/*.php$", "/aaaphpaaa", false)]
    [InlineData("/*.php$", "//windows.PHP", false)]
    // "allow: /fish*.php"
    [InlineData("/fish*.php", "/bar", false)]
    [InlineData("/fish*.php", "/fish.php", true)]
    [InlineData("/fish*.php", "/fishheads/catfish.php?parameters", true)]
    [InlineData("/fish*.php", "/Fish.PHP", false)]
    public void Googles_documented_path_examples_hold(string allow, string path, bool allowed) =>
        Assert.Equal(allowed, Allowed($"user-agent: FooBot\ndisallow: /\nallow: {allow}\n", "FooBot", "http://foo.bar" + path));

    [Theory]
    [InlineData("allow: /p\ndisallow: /", "http://example.com/page", true)]
    [InlineData("allow: /folder\ndisallow: /folder", "http://example.com/folder/page", true)]
    [InlineData("allow: /page\ndisallow: /*.htm", "http://example.com/page.htm", false)]
    [InlineData("allow: /$\ndisallow: /", "http://example.com/", true)]
    [InlineData("allow: /$\ndisallow: /", "http://example.com/page.html", false)]
    public void Googles_documented_precedence_examples_hold(string rules, string url, bool allowed) =>
        Assert.Equal(allowed, Allowed("user-agent: FooBot\n" + rules + "\n", "FooBot", url));

    [Theory]
    [InlineData("", "/")]
    [InlineData("http://www.example.com", "/")]
    [InlineData("http://www.example.com/", "/")]
    [InlineData("http://www.example.com/a", "/a")]
    [InlineData("http://www.example.com/a/", "/a/")]
    [InlineData("http://www.example.com/a/b?c=http://d.e/", "/a/b?c=http://d.e/")]
    [InlineData("http://www.example.com/a/b?c=d&e=f#fragment", "/a/b?c=d&e=f")]
    [InlineData("example.com", "/")]
    [InlineData("example.com/", "/")]
    [InlineData("example.com/a", "/a")]
    [InlineData("example.com/a/", "/a/")]
    [InlineData("example.com/a/b?c=d&e=f#fragment", "/a/b?c=d&e=f")]
    [InlineData("a", "/")]
    [InlineData("a/", "/")]
    [InlineData("/a", "/a")]
    [InlineData("a/b", "/b")]
    [InlineData("example.com?a", "/?a")]
    [InlineData("example.com/a;b#c", "/a;b")]
    [InlineData("//a/b/c", "//a/b/c")] // Google: "/b/c" (a host); the crawler hands us paths, and "//a/b/c" is one
    public void The_path_of_a_url_keeps_its_query_and_drops_its_fragment(string url, string path) =>
        Assert.Equal(path, RobotsPath.Of(url));

    [Theory]
    [InlineData("http://www.example.com", "http://www.example.com")]
    [InlineData("/a/b/c", "/a/b/c")]
    [InlineData("á", "%C3%A1")]
    [InlineData("%aa", "%AA")]
    public void Patterns_are_escaped_as_google_escapes_them(string pattern, string escaped) =>
        Assert.Equal(escaped, RobotsPath.Normalize(pattern));
}
