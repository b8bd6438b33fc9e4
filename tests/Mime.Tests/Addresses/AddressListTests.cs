using System.Text;

namespace MailTicketing.Mime.Tests.Addresses;

public class AddressListTests
{
    private static AddressList Parse(string value, out bool malformed, string? charset = null) =>
        AddressList.Parse(Encoding.UTF8.GetBytes(value), charset, out malformed);

    private static AddressList Parse(string value) => Parse(value, out _);

    private static MailboxAddress Single(string value)
    {
        var list = Parse(value, out var malformed);
        Assert.False(malformed, $"'{value}' should not be malformed");
        return Assert.IsType<MailboxAddress>(Assert.Single(list));
    }

    private static (string? Name, string Address)[] Pairs(AddressList list) =>
        [.. list.Mailboxes.Select(m => (m.Name, m.Address))];

    [Fact]
    public void Bare_addr_spec_has_no_name()
    {
        var m = Single("john.doe@example.com");
        Assert.Null(m.Name);
        Assert.Equal("john.doe@example.com", m.Address);
    }

    [Theory]
    [InlineData("\"John Doe\" <john@example.com>")]
    [InlineData("John Doe <john@example.com>")]
    [InlineData("  John   Doe<john@example.com>  ")]
    [InlineData("John Doe <john@example.com")]
    [InlineData("John Doe < john@example.com >")]
    public void Name_addr_gives_name_and_address_without_brackets(string value)
    {
        var m = Single(value);
        Assert.Equal("John Doe", m.Name);
        Assert.Equal("john@example.com", m.Address);
    }

    [Fact]
    public void Domain_is_lower_cased_and_local_part_kept_as_written()
    {
        var m = Single("<John.Doe@Example.COM>");
        Assert.Equal("John.Doe@example.com", m.Address);
        Assert.Equal("John.Doe", m.LocalPart);
        Assert.Equal("example.com", m.Domain);
    }

    [Fact]
    public void Trailing_root_dot_of_the_domain_is_dropped()
    {
        Assert.Equal("Claudia.Shu@yahoo.com", Single("\"Clement.Si\" <Claudia.Shu@yahoo.com.>").Address);
    }

    [Theory]
    [InlineData("John Q. Public <jqp@example.com>", "John Q. Public", "jqp@example.com")]
    [InlineData("Mr. Top Secret <top@secret.tld>", "Mr. Top Secret", "top@secret.tld")]
    [InlineData("Oliver Grahl | Support <feedback@example.com>", "Oliver Grahl | Support", "feedback@example.com")]
    [InlineData("John @ Home <john@example.com>", "John @ Home", "john@example.com")]
    [InlineData("kijitora@example.Jp <kijitora=example.ed.jp@sendgrid.info>", "kijitora@example.Jp", "kijitora=example.ed.jp@sendgrid.info")]
    [InlineData("\"Giant; \\\"Big\\\" Box\" <sysservices@example.net>", "Giant; \"Big\" Box", "sysservices@example.net")]
    public void Unquoted_specials_in_a_name_stay_in_the_name(string value, string name, string address)
    {
        var m = Single(value);
        Assert.Equal(name, m.Name);
        Assert.Equal(address, m.Address);
    }

    [Fact]
    public void Several_addresses_separated_by_commas_and_folding_keep_their_order()
    {
        var list = Parse("a@example.com,\r\n\t\"B\" <b@example.com>,\n C <c@example.com>", out var malformed);
        Assert.False(malformed);
        Assert.Equal(
            [(null, "a@example.com"), ("B", "b@example.com"), ("C", "c@example.com")],
            Pairs(list));
    }

    [Fact]
    public void Folded_quoted_name_is_unfolded()
    {
        Assert.Equal("John Doe", Single("\"John\r\n Doe\" <j@example.com>").Name);
    }

    [Fact]
    public void Extra_and_empty_commas_are_ignored()
    {
        var list = Parse(",, a@example.com ,,, b@example.com ,", out var malformed);
        Assert.False(malformed);
        Assert.Equal([(null, "a@example.com"), (null, "b@example.com")], Pairs(list));
    }

    [Fact]
    public void Semicolons_separate_addresses_like_commas_outside_a_group()
    {
        var list = Parse("a@example.com; B <b@example.com>;c@example.com", out var malformed);
        Assert.False(malformed);
        Assert.Equal([(null, "a@example.com"), ("B", "b@example.com"), (null, "c@example.com")], Pairs(list));
    }

    [Theory]
    [InlineData("Undisclosed recipients:;", "Undisclosed recipients")]
    [InlineData("undisclosed-recipients: ;", "undisclosed-recipients")]
    [InlineData("recipient list not shown: ;", "recipient list not shown")]
    [InlineData("(Empty list)(start)Undisclosed recipients  :(nobody(that I know))  ;", "Undisclosed recipients")]
    [InlineData("undisclosed-recipients:", "undisclosed-recipients")]
    public void Empty_group_is_a_group_without_members(string value, string name)
    {
        var list = Parse(value, out var malformed);
        Assert.False(malformed);
        var group = Assert.IsType<GroupAddress>(Assert.Single(list));
        Assert.Equal(name, group.Name);
        Assert.Empty(group.Members);
        Assert.Empty(list.Mailboxes);
    }

    [Fact]
    public void Group_members_are_kept_in_the_group_and_listed_by_mailboxes()
    {
        var list = Parse("team: a@x.example, B <b@y.example>; c@z.example", out var malformed);
        Assert.False(malformed);
        Assert.Equal(2, list.Count);
        var group = Assert.IsType<GroupAddress>(list[0]);
        Assert.Equal("team", group.Name);
        Assert.Equal(["a@x.example", "b@y.example"], group.Members.Select(m => m.Address));
        Assert.Equal("c@z.example", Assert.IsType<MailboxAddress>(list[1]).Address);
        Assert.Equal(["a@x.example", "b@y.example", "c@z.example"], list.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void Group_missing_its_closing_semicolon_ends_at_the_end_of_the_value()
    {
        var group = Assert.IsType<GroupAddress>(Assert.Single(Parse("A Group: Chris Jones <c@public.example>, joe@example.org")));
        Assert.Equal("A Group", group.Name);
        Assert.Equal(["c@public.example", "joe@example.org"], group.Members.Select(m => m.Address));
    }

    [Fact]
    public void Nested_group_is_flattened_into_the_outer_group_and_reported()
    {
        var list = Parse("outer: a@x.example, inner: b@x.example; c@x.example; d@x.example", out var malformed);
        Assert.True(malformed);
        var group = Assert.IsType<GroupAddress>(list[0]);
        Assert.Equal("outer", group.Name);
        Assert.Equal(["a@x.example", "b@x.example", "c@x.example"], group.Members.Select(m => m.Address));
        Assert.Equal("d@x.example", Assert.IsType<MailboxAddress>(list[1]).Address);
    }

    [Fact]
    public void Deeply_nested_groups_are_bounded_and_do_not_throw()
    {
        var value = string.Concat(Enumerable.Repeat("g:", 10_000)) + "a@x.example" + new string(';', 10_000) + ", b@x.example";
        var list = Parse(value, out var malformed);
        Assert.True(malformed);
        Assert.Contains("a@x.example", list.Mailboxes.Select(m => m.Address));
        Assert.Contains("b@x.example", list.Mailboxes.Select(m => m.Address));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@example.co.jp (Mail Delivery System)", "Mail Delivery System", "MAILER-DAEMON@example.co.jp")]
    [InlineData("<Mailer-Daemon@mail-in2.apple.com> (Mail Delivery System)", "Mail Delivery System", "Mailer-Daemon@mail-in2.apple.com")]
    [InlineData("(Mail Delivery System) mailer-daemon@example.org", "Mail Delivery System", "mailer-daemon@example.org")]
    [InlineData("kroemer@apex.ece.ucsb.edu (Herb Kroemer) (Herb Kroemer)", "Herb Kroemer", "kroemer@apex.ece.ucsb.edu")]
    [InlineData("jkriens@cc.bellcore.com (kriens,john)", "kriens,john", "jkriens@cc.bellcore.com")]
    [InlineData("postmaster@nnn.example.jp (\"InterScan Notification\")", "InterScan Notification", "postmaster@nnn.example.jp")]
    [InlineData("a@example.com (A \\) chap)", "A ) chap", "a@example.com")]
    public void Obsolete_comment_after_the_address_is_the_name(string value, string name, string address)
    {
        var m = Single(value);
        Assert.Equal(name, m.Name);
        Assert.Equal(address, m.Address);
    }

    [Fact]
    public void Unterminated_comment_still_names_the_address()
    {
        var m = Assert.Single(Parse("mdinman@umr.edu (Michael D. Inman) (by way of mdinman@umr.edu (Michael D.").Mailboxes);
        Assert.Equal("Michael D. Inman", m.Name);
        Assert.Equal("mdinman@umr.edu", m.Address);
    }

    [Fact]
    public void Display_name_wins_over_comments_which_may_appear_anywhere()
    {
        // RFC 5322 Appendix A.5.
        var m = Single("Pete(A wonderful \\) chap) <pete(his account)@silly.test(his host)>");
        Assert.Equal("Pete", m.Name);
        Assert.Equal("pete@silly.test", m.Address);
    }

    [Fact]
    public void Comment_inside_the_domain_is_dropped()
    {
        Assert.Equal("c@public.example", Single("Chris Jones <c@(Chris's host.)public.example>").Address);
    }

    [Theory]
    [InlineData("\"john smith\"@example.com", "\"john smith\"@example.com")]
    [InlineData("<\"neko....nyaan....\"@libsisimai.org>", "\"neko....nyaan....\"@libsisimai.org")]
    [InlineData("\"john\".smith@example.com", "\"john\".smith@example.com")]
    public void Quoted_local_part_is_kept_with_its_quotes(string value, string address)
    {
        Assert.Equal(address, Single(value).Address);
    }

    [Fact]
    public void Stray_closing_bracket_after_a_quoted_local_part_is_reported_but_the_address_kept()
    {
        var list = Parse("\"Millions Lottery Spain transfer\"@example.com>", out var malformed);
        Assert.True(malformed);
        Assert.Equal("\"Millions Lottery Spain transfer\"@example.com", Assert.Single(list.Mailboxes).Address);
    }

    [Theory]
    [InlineData("user@[192.0.2.1]", "user@[192.0.2.1]")]
    [InlineData("Joe <joe@[IPv6:2001:DB8::1]>", "joe@[ipv6:2001:db8::1]")]
    public void Domain_literal_is_kept_with_its_brackets(string value, string address)
    {
        Assert.Equal(address, Single(value).Address);
    }

    [Theory]
    [InlineData("<@a.example,@b.example:user@c.example>", null)]
    [InlineData("Joe Q. Public <@a.example, @b.example:user@c.example>", "Joe Q. Public")]
    [InlineData("<mailto:user@c.example>", null)]
    public void Obsolete_route_or_mailto_prefix_is_dropped(string value, string? name)
    {
        var m = Single(value);
        Assert.Equal(name, m.Name);
        Assert.Equal("user@c.example", m.Address);
    }

    [Fact]
    public void Missing_closing_bracket_ends_at_the_next_comma()
    {
        var list = Parse("John <j@x.example, Mary <m@y.example>", out var malformed);
        Assert.False(malformed);
        Assert.Equal([("John", "j@x.example"), ("Mary", "m@y.example")], Pairs(list));
    }

    [Theory]
    [InlineData("Doe, John <jd@example.com>", "Doe, John")]
    [InlineData("Doe, John, Jr. <jd@example.com>", "Doe, John, Jr.")]
    [InlineData("'Doe, John' <jd@example.com>", "Doe, John")]
    [InlineData("Doe, <jd@example.com>", "Doe")]
    [InlineData("Doe, John jd@example.com", "Doe, John")]
    public void Unquoted_comma_in_a_name_is_joined_back_into_the_name(string value, string name)
    {
        var m = Single(value);
        Assert.Equal(name, m.Name);
        Assert.Equal("jd@example.com", m.Address);
    }

    [Fact]
    public void Unquoted_comma_in_a_name_among_other_addresses_only_joins_its_neighbour()
    {
        var list = Parse("a@example.com, Smith, Anna <anna@example.com>, b@example.com", out var malformed);
        Assert.False(malformed);
        Assert.Equal([(null, "a@example.com"), ("Smith, Anna", "anna@example.com"), (null, "b@example.com")], Pairs(list));
    }

    [Theory]
    [InlineData("postmaster", "postmaster")]
    [InlineData("undisclosed-recipients", "undisclosed-recipients")]
    [InlineData("Mail Delivery Subsystem <MAILER-DAEMON>", "MAILER-DAEMON")]
    [InlineData("John Lamb <lamb>", "lamb")]
    [InlineData("\"xxxxx@xxxxx\" <matmail>", "matmail")]
    public void Address_without_a_domain_is_kept_as_written(string value, string address)
    {
        var m = Single(value);
        Assert.Equal(address, m.Address);
        Assert.Equal(string.Empty, m.Domain);
    }

    [Fact]
    public void Lone_word_before_a_bare_address_stays_a_domainless_address()
    {
        var list = Parse("nsb, trina@flash", out var malformed);
        Assert.False(malformed);
        Assert.Equal([(null, "nsb"), (null, "trina@flash")], Pairs(list));
    }

    [Fact]
    public void Outlook_list_with_a_comma_name_and_semicolons_keeps_what_it_can()
    {
        var list = Parse("Smith, John Marian; johnel.stock@example.com; ole.brei@example.com", out var malformed);

        // "John Marian" has no address and is dropped; "Smith" reads as a local address.
        Assert.True(malformed);
        Assert.Equal([(null, "Smith"), (null, "johnel.stock@example.com"), (null, "ole.brei@example.com")], Pairs(list));
    }

    [Theory]
    [InlineData("\"Shironeko, Naynko\"")]
    [InlineData("Someone Else")]
    [InlineData("<>")]
    [InlineData("Mail Delivery System <>")]
    [InlineData("John <@>")]
    [InlineData("john@")]
    [InlineData("@example.com")]
    [InlineData("[??????]")]
    public void Value_without_a_usable_mailbox_is_empty_and_malformed(string value)
    {
        var list = Parse(value, out var malformed);
        Assert.True(malformed);
        Assert.Empty(list);
        Assert.Same(AddressList.Empty, list);
    }

    [Fact]
    public void Empty_address_is_skipped_while_its_neighbours_are_kept()
    {
        var list = Parse("\"Yangzhou ABC Lighting Equipment \" <>, \"LTD\" <ly@example.com>", out var malformed);
        Assert.True(malformed);
        Assert.Equal([("LTD", "ly@example.com")], Pairs(list));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData(" , ; ,")]
    [InlineData("(just a comment)")]
    public void Empty_value_is_empty_and_not_malformed(string value)
    {
        var list = Parse(value, out var malformed);
        Assert.False(malformed);
        Assert.Empty(list);
    }

    [Theory]
    [InlineData("Bob Dunite <bob@extern> Bobby Dunite <bobby@extern>", "Bob Dunite", "bob@extern", "Bobby Dunite", "bobby@extern")]
    [InlineData("tim@powerupdev.com concierge@powerupdev.com", null, "tim@powerupdev.com", null, "concierge@powerupdev.com")]
    [InlineData("John Smith john@x.example Jane Doe jane@y.example", "John Smith", "john@x.example", "Jane Doe", "jane@y.example")]
    public void Missing_comma_between_two_addresses_still_gives_both(string value, string? name1, string address1, string? name2, string address2)
    {
        var list = Parse(value, out var malformed);
        Assert.False(malformed);
        Assert.Equal([(name1, address1), (name2, address2)], Pairs(list));
    }

    [Fact]
    public void Name_written_before_a_bare_address_is_the_name()
    {
        var m = Single("Test test@example.com");
        Assert.Equal("Test", m.Name);
        Assert.Equal("test@example.com", m.Address);
    }

    [Fact]
    public void Words_after_an_angle_address_without_a_name_become_the_name()
    {
        var m = Single("<jd@example.com> John Doe");
        Assert.Equal("John Doe", m.Name);
    }

    [Theory]
    [InlineData("John <jd@example.com> >>> garbage")]
    [InlineData("John <jd@example.com>>")]
    [InlineData("jd@example.com ]]] \\")]
    public void Trailing_garbage_is_dropped_and_reported(string value)
    {
        var list = Parse(value, out var malformed);
        Assert.True(malformed);
        Assert.Equal("jd@example.com", Assert.Single(list.Mailboxes).Address);
    }

    [Fact]
    public void Second_at_sign_makes_the_first_part_of_the_local_part()
    {
        Assert.Equal("develop!nextmime@ebony@sblab.att.com", Single("develop!nextmime@ebony@SBLAB.att.com").Address);
    }

    [Fact]
    public void Spaces_in_an_address_are_kept_except_around_dots()
    {
        Assert.Equal("john.doe@example.com", Single("John <john . doe @ example . com>").Address);
        Assert.Equal("power quadrant system@example.com", Single("\"your secret past\" <power quadrant system@example.com>").Address);
    }

    [Theory]
    [InlineData("\"finances8@firstfinanceloanfirm.example.com\"", null, "finances8@firstfinanceloanfirm.example.com")]
    [InlineData("\"'Martin Edenhofer via Znuny Sales' <sales@znuny.com>\"", "Martin Edenhofer via Znuny Sales", "sales@znuny.com")]
    [InlineData("John Smith [mailto:from@example.com]", "John Smith", "from@example.com")]
    [InlineData("Hans (hans@example.com)", "Hans", "hans@example.com")]
    [InlineData("Hans (hans@example.com", "Hans", "hans@example.com")]
    [InlineData("=?iso-8859-2?Q?Namedy=F1ski?= (hans@example.com)", "Namedyński", "hans@example.com")]
    public void Address_hidden_in_quotes_brackets_or_a_comment_is_recovered(string value, string? name, string address)
    {
        var m = Single(value);
        Assert.Equal(name, m.Name);
        Assert.Equal(address, m.Address);
    }

    [Fact]
    public void Recovery_looks_only_one_level_deep()
    {
        var list = Parse("\"\\\"a@example.com\\\"\"", out var malformed);
        Assert.True(malformed);
        Assert.Empty(list);
    }

    [Theory]
    [InlineData("\"'smime-dev@rsa.com'\" <smime-dev@RSA.COM>", "smime-dev@rsa.com")]
    [InlineData("'John Doe' <jd@example.com>", "John Doe")]
    [InlineData("\"Yangzhou ABC Lighting Equipment \" <jd@example.com>", "Yangzhou ABC Lighting Equipment")]
    public void Names_are_trimmed_and_lose_wrapping_single_quotes(string value, string name)
    {
        Assert.Equal(name, Single(value).Name);
    }

    [Fact]
    public void Unbalanced_quote_in_a_name_does_not_swallow_the_address()
    {
        var m = Single("John \"Doe <jd@example.com>");
        Assert.Equal("jd@example.com", m.Address);
        Assert.Equal("John Doe", m.Name);
    }

    [Fact]
    public void Unbalanced_bracket_in_a_name_does_not_swallow_the_address()
    {
        var list = Parse("[Team <a@example.com>, [Other <b@example.com>", out _);
        Assert.Equal(["a@example.com", "b@example.com"], list.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void Control_characters_are_treated_as_whitespace()
    {
        var m = Single("John\0Doe <jd@exam\u0001ple.com>");
        Assert.Equal("John Doe", m.Name);
    }

    [Theory]
    [InlineData("=?gb2312?B?1cXI/Q==?= <zs@example.com>")]
    [InlineData("\"=?utf-8?B?5byg5LiJ?=\" <zs@example.com>")]
    [InlineData("=?UTF-8?B?5byg?= =?UTF-8?B?5LiJ?= <zs@example.com>")]
    [InlineData("zs@example.com (=?utf-8?B?5byg5LiJ?=)")]
    [InlineData("\"=?utf-8?B?5byg5LiJ?=\" zs@example.com")]
    public void Encoded_word_names_are_decoded(string value)
    {
        var m = Single(value);
        Assert.Equal("张三", m.Name);
        Assert.Equal("zs@example.com", m.Address);
    }

    [Fact]
    public void Encoded_word_with_a_comma_inside_is_one_name()
    {
        var list = Parse("=?UTF-8?B?Rm9vLCBCYXI=?= <foo.bar@example.com>, =?utf-8?Q?Doe,_John?= <jd@example.com>", out var malformed);
        Assert.False(malformed);
        Assert.Equal([("Foo, Bar", "foo.bar@example.com"), ("Doe, John", "jd@example.com")], Pairs(list));
    }

    [Fact]
    public void Encoded_words_containing_specials_do_not_split_the_list()
    {
        var list = Parse("=?utf-8?Q?Doe,_John_<x>?= <jd@example.com>, b@example.com", out var malformed);
        Assert.False(malformed);
        Assert.Equal([("Doe, John <x>", "jd@example.com"), (null, "b@example.com")], Pairs(list));
    }

    [Fact]
    public void Encoded_name_in_a_comment_with_text_around_it_is_decoded()
    {
        var m = Single("lassehp@imv.aau.dk (Lasse =?ISO-8859-1?Q?Hiller=F8e?= Petersen)");
        Assert.Equal("Lasse Hillerøe Petersen", m.Name);
    }

    [Fact]
    public void Raw_utf8_name_is_decoded()
    {
        var m = Single("Иван Винников <iv@reggi.ru>");
        Assert.Equal("Иван Винников", m.Name);
    }

    [Fact]
    public void Raw_gbk_name_is_decoded_with_the_fallback_charset()
    {
        // "张三" in GBK, as Chinese clients send it without encoding.
        byte[] raw = [0xD5, 0xC5, 0xC8, 0xFD, .. " <zs@example.com>"u8];
        var m = Assert.Single(AddressList.Parse(raw, "gbk", out var malformed).Mailboxes);
        Assert.False(malformed);
        Assert.Equal("张三", m.Name);
        Assert.Equal("zs@example.com", m.Address);
    }

    [Fact]
    public void Raw_8bit_name_with_an_unbalanced_fullwidth_parenthesis_is_kept_whole()
    {
        Assert.Equal("吉田学（I.B.S)", Single("吉田学（I.B.S) <iba.b.systems@gmail.com>").Name);
    }

    [Fact]
    public void Raw_utf8_address_is_kept()
    {
        var m = Single("\"Jöhn Doe\" <jdöe@MÄCHINE.example>");
        Assert.Equal("Jöhn Doe", m.Name);
        Assert.Equal("jdöe@mächine.example", m.Address);
    }

    [Fact]
    public void Encoded_group_name_is_decoded()
    {
        var group = Assert.IsType<GroupAddress>(Assert.Single(Parse("=?utf-8?B?5byg5LiJ?=: zs@example.com;")));
        Assert.Equal("张三", group.Name);
    }

    [Fact]
    public void Encoded_name_joined_across_an_unquoted_comma_is_decoded_per_part()
    {
        var m = Single("=?utf-8?B?5byg?=, =?utf-8?B?5LiJ?= <zs@example.com>");
        Assert.Equal("张, 三", m.Name);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(5322);
        var alphabet = "<>@,;:\"()[]\\. aZ=?\r\n\t\u00e9"u8.ToArray();
        for (var round = 0; round < 2000; round++)
        {
            var bytes = new byte[random.Next(0, 80)];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = random.Next(3) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            var list = AddressList.Parse(bytes, "gb18030", out _);
            Assert.All(list.Mailboxes, m => Assert.False(string.IsNullOrEmpty(m.Address)));
        }
    }

    [Fact]
    public void Large_hostile_values_are_read_in_linear_time()
    {
        // Each would take minutes if any step rescanned the rest of the value.
        var manyWithoutCommas = string.Concat(Enumerable.Repeat("a@b.example ", 50_000));
        Assert.Equal(50_000, Parse(manyWithoutCommas).Count);

        var manyAngles = string.Concat(Enumerable.Repeat("<a@b.example> ", 50_000));
        Assert.Equal(50_000, Parse(manyAngles).Count);

        var manyPhrases = string.Concat(Enumerable.Repeat("Doe, ", 50_000)) + "John <j@x.example>";
        Assert.StartsWith("Doe, Doe, ", Assert.Single(Parse(manyPhrases)).Name);

        foreach (var hostile in new[] { new string('[', 200_000), new string('"', 200_001), new string('(', 200_000), string.Concat(Enumerable.Repeat("=?", 100_000)), string.Concat(Enumerable.Repeat("=?a?b?c,", 50_000)) })
        {
            Parse(hostile, out _);
        }
    }
}
