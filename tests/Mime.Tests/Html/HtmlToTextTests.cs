using MailTicketing.Mime.Html;

namespace MailTicketing.Mime.Tests.Html;

public class HtmlToTextTests
{
    private static string Convert(string html) => HtmlToText.Convert(html);

    [Fact]
    public void Head_title_scripts_styles_and_comments_are_dropped()
    {
        var html = "<html><head><title>Secret title</title><meta charset=utf-8><style>p { color: red }</style>"
            + "<script>var x = '</p>';</script></head><body><!-- hidden --><p>Visible</p>"
            + "<script type=\"text/javascript\">alert('<b>no</b>')</script ></body></html>";
        Assert.Equal("Visible", Convert(html));
    }

    [Fact]
    public void Paragraphs_are_separated_by_one_blank_line()
    {
        Assert.Equal("One\n\nTwo\n\nThree", Convert("<p>One</p><p>Two</p>\n\n<p></p><p> </p><h1>Three</h1>"));
    }

    [Fact]
    public void Divs_and_breaks_start_new_lines()
    {
        Assert.Equal("a\nb\nc\n\nd", Convert("<div>a</div><div>b<br>c<br/><br><br><br>d</div>"));
    }

    [Fact]
    public void Whitespace_collapses_like_a_browser()
    {
        Assert.Equal("Hello big world", Convert("  Hello \r\n\t  big\n\nworld  "));
    }

    [Fact]
    public void Pre_keeps_its_whitespace()
    {
        Assert.Equal("before\n\n  col1   col2\n\tindented\n\nafter", Convert("before<pre>\n  col1   col2\r\n\tindented</pre>after"));
    }

    [Fact]
    public void Lines_have_no_trailing_spaces()
    {
        Assert.Equal("a\nb", Convert("a &nbsp; <br>b&nbsp;"));
    }

    [Fact]
    public void Nbsp_becomes_a_plain_space_that_does_not_collapse()
    {
        Assert.Equal("a  b", Convert("a&nbsp;&nbsp;b"));
        Assert.Equal("a b", Convert("a\u00a0b"));
    }

    [Fact]
    public void Nested_lists_are_indented_with_markers()
    {
        var html = "<p>Steps:</p><ul><li>First<ul><li>Inner one</li><li><p>Inner two</p></li></ul></li>"
            + "<li>Second</li></ul><ol start=3><li>Three</li><li>Four</ol>After";
        Assert.Equal("Steps:\n\n- First\n  - Inner one\n  - Inner two\n- Second\n3. Three\n4. Four\nAfter", Convert(html));
    }

    [Fact]
    public void Table_cells_are_separated_and_rows_are_lines()
    {
        var html = "<table><tr><th>Order</th><th>Status</th></tr>\n<tr><td>A-1001</td>\n<td>shipped</td></tr>"
            + "<tr><td></td><td>empty first</td></tr></table>";
        Assert.Equal("Order | Status\nA-1001 | shipped\nempty first", Convert(html));
    }

    [Fact]
    public void Spacer_cells_of_nbsp_add_no_separators()
    {
        Assert.Equal("Name | Alice\nNext", Convert("<table><tr><td>Name</td><td>&nbsp;</td><td>&nbsp;Alice&nbsp;</td><td>&nbsp;</td></tr><tr><td>&nbsp;</td><td>Next</td></tr></table>"));
    }

    [Fact]
    public void Line_breaks_inside_an_href_are_removed()
    {
        Assert.Equal("Open <https://example.com/long/path?id=42>", Convert("<a href=\"https://example.com/long/\r\n path?id=42\">Open</a>"));
    }

    [Fact]
    public void Links_keep_their_target()
    {
        Assert.Equal("See the docs <https://example.com/docs?a=1&b=2> now",
            Convert("See <a href=\"https://example.com/docs?a=1&amp;b=2\">the docs</a> now"));
    }

    [Theory]
    [InlineData("<a href=\"https://example.com\">https://example.com</a>", "https://example.com")]
    [InlineData("<a href=\"https://example.com/\">example.com</a>", "example.com")]
    [InlineData("<a href=\"mailto:bob@example.com?subject=Hi\">bob@example.com</a>", "bob@example.com")]
    [InlineData("<a href=\"MAILTO:Bob@Example.com\">bob@example.com</a>", "bob@example.com")]
    [InlineData("<a href=\"javascript:void(0)\">Click</a>", "Click")]
    [InlineData("<a href=\"#top\">Top</a>", "Top")]
    [InlineData("<a name=\"x\">Anchor</a>", "Anchor")]
    public void Link_targets_that_add_nothing_are_omitted(string html, string expected)
    {
        Assert.Equal(expected, Convert(html));
    }

    [Fact]
    public void Link_whose_text_differs_from_its_target_shows_both()
    {
        Assert.Equal("https://bank.example <https://evil.example/login>",
            Convert("<a href='https://evil.example/login'>https://bank.example</a>"));
    }

    [Fact]
    public void Link_without_text_shows_its_target()
    {
        Assert.Equal("Track: <https://t.example/x>", Convert("Track: <a href=https://t.example/x></a>"));
    }

    [Fact]
    public void Unclosed_link_is_closed_at_the_next_link_and_at_the_end()
    {
        Assert.Equal("one <https://a.example> two <https://b.example>",
            Convert("<a href=https://a.example>one <a href=https://b.example>two"));
    }

    [Fact]
    public void Images_show_their_alt_text()
    {
        Assert.Equal("[Logo] <https://example.com> Hello", Convert("<a href=https://example.com><img src=x.png alt=\"Logo\"></a> <img src=spacer.gif>Hello<img alt=''>"));
    }

    [Fact]
    public void Entities_are_decoded()
    {
        Assert.Equal("<tag> & \"q\" 'a' \u00a9 \u20ac \u20ac \U0001F600 \u2019 \u2014 A", Convert("&lt;tag&gt; &amp; &quot;q&quot; &apos;a&apos; &copy; &euro; &#8364; &#x1F600; &rsquo; &mdash; &#65"));
    }

    [Fact]
    public void Broken_entities_are_kept_as_text()
    {
        Assert.Equal("AT&T &unknown; & ; &#; &#xZZ; \ufffd", Convert("AT&T &unknown; & ; &#; &#xZZ; &#0;"));
    }

    [Fact]
    public void C1_numeric_references_map_like_windows_1252()
    {
        Assert.Equal("\u201chi\u201d \u20ac", Convert("&#147;hi&#148; &#128;"));
    }

    [Fact]
    public void Url_parameters_that_look_like_entities_are_not_decoded()
    {
        Assert.Equal("x <https://e.example/?a=1&copy=2&regx=3>", Convert("<a href=\"https://e.example/?a=1&copy=2&regx=3\">x</a>"));
    }

    [Fact]
    public void Soft_hyphens_and_zero_width_characters_do_not_split_identifiers()
    {
        Assert.Equal("TX 0x3fa9c2b1d4e5f60718293a4b5c6d7e8f90a1b2c3", Convert("TX 0x3fa9c2&shy;b1d4e5f6\u200b0718293a&zwnj;4b5c6d7e8f9&#8203;0a1b2c3"));
    }

    [Fact]
    public void Identifiers_split_by_inline_tags_stay_whole()
    {
        Assert.Equal("UID 7F3A-99B2-C004", Convert("UID <b>7F3A</b>-<span style=\"x\">99B2</span>-<i>C004</i>"));
    }

    [Fact]
    public void Chinese_text_passes_through_intact()
    {
        Assert.Equal("您好，\n\n我的订单号是 20240101-8899，请帮忙查询。谢谢！",
            Convert("<div>您好，</div><p>我的订单号是 <b>20240101-8899</b>，请帮忙查询。谢谢！</p>"));
    }

    [Fact]
    public void Line_breaks_between_chinese_characters_are_removed_not_spaced()
    {
        Assert.Equal("自动回复：我正在休假中 until Monday", Convert("自动回复：我正在\n休假中\nuntil Monday"));
    }

    [Fact]
    public void Blockquotes_are_prefixed_like_quoted_mail()
    {
        Assert.Equal("Thanks!\nOn Monday Bob wrote:\n\n> Hello\n\n> > older\n\nBye",
            Convert("<div>Thanks!</div><div>On Monday Bob wrote:</div><blockquote>Hello<blockquote>older</blockquote></blockquote>Bye"));
    }

    [Fact]
    public void Outlook_msonormal_paragraphs_are_single_lines()
    {
        var html = "<p class=MsoNormal>Hi team,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
            + "<p class=\"MsoNormal\">The build fails.<o:p></o:p></p><p class=MsoNormal>Regards<o:p></o:p></p>";
        Assert.Equal("Hi team,\n\nThe build fails.\nRegards", Convert(html));
    }

    [Fact]
    public void Outlook_conditional_comments_are_dropped()
    {
        var html = "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->"
            + "<p><![if !supportLists]>1.<![endif]>Item</p>";
        Assert.Equal("1.Item", Convert(html));
    }

    [Theory]
    [InlineData("<p<b>bold</b> text", "bold text")]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("x <3 y", "x <3 y")]
    [InlineData("before <div class=\"unterminated>after</div> end", "before\nafter\nend")]
    [InlineData("text <div", "text")]
    [InlineData("tail <", "tail <")]
    [InlineData("a </> b </ x> c", "a b c")]
    [InlineData("<b>unclosed bold", "unclosed bold")]
    [InlineData("</p></div></li></ul></blockquote></pre>stray ends", "stray ends")]
    public void Broken_markup_is_handled_like_a_browser(string html, string expected)
    {
        Assert.Equal(expected, Convert(html));
    }

    [Fact]
    public void Unclosed_comment_hides_the_rest()
    {
        Assert.Equal("visible", Convert("visible<!-- never closed <p>hidden</p>"));
        Assert.Equal("a b", Convert("a <!--> b <!---> "));
    }

    [Fact]
    public void Unclosed_script_hides_the_rest()
    {
        Assert.Equal("before", Convert("before<script>document.write('x')"));
    }

    [Fact]
    public void Head_without_end_ends_at_body()
    {
        Assert.Equal("Body text", Convert("<head><meta name=x>stray head text<body>Body text"));
        Assert.Equal("No body tag", Convert("<head><title>t</title>No body tag"));
    }

    [Fact]
    public void Horizontal_rules_separate_blocks()
    {
        Assert.Equal("above\n\nbelow", Convert("above<hr>below"));
    }

    [Fact]
    public void Empty_and_whitespace_input_give_empty_text()
    {
        Assert.Equal("", Convert(""));
        Assert.Equal("", Convert(" \r\n <br><p></p> "));
    }

    [Fact]
    public void Hostile_input_never_throws_and_stays_linear()
    {
        var inputs = new[]
        {
            string.Concat(Enumerable.Repeat("<a href=\"", 20_000)),
            string.Concat(Enumerable.Repeat("<head>", 20_000)) + "x",
            string.Concat(Enumerable.Repeat("<blockquote><ul><li>", 20_000)) + "deep",
            string.Concat(Enumerable.Repeat("<!", 20_000)),
            string.Concat(Enumerable.Repeat("&#99999999999999", 20_000)),
            string.Concat(Enumerable.Repeat("<a href='x' alt=\"", 20_000)),
            string.Concat(Enumerable.Repeat("<script>", 20_000)),
            string.Concat(Enumerable.Repeat("</scrip", 20_000)),
            string.Concat(Enumerable.Repeat("<td>x", 20_000)),
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var html in inputs)
        {
            var text = Convert(html);
            Assert.True(text.Length <= html.Length * 2);
        }

        // Quadratic behaviour on these would take minutes; linear takes milliseconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Random_markup_never_throws()
    {
        var random = new Random(1);
        string[] pieces = ["<", ">", "</", "<a href=", "\"", "'", "<!--", "-->", "&", "#", ";", "amp", "x", " ", "\n",
            "<pre>", "</pre>", "<li>", "<ol>", "<td>", "<blockquote>", "<script>", "</script>", "<br>", "好", "<img alt=", "="];
        for (var round = 0; round < 2000; round++)
        {
            var html = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var text = Convert(html);
            Assert.DoesNotContain("\n\n\n", text);
            Assert.False(text.StartsWith('\n') || text.EndsWith('\n'), html);
        }
    }
}
