namespace MailTicketing.Tickets.Extraction;

// How a label is tied to the value after it: "password: x" states a value, "password is x"
// may be prose ("my password is wrong"), and adjacency ("密码 123456") lies in between.
internal enum LabelSeparator
{
    None,
    Colon,
    Verb,
}
