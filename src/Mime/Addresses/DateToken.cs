namespace MailTicketing.Mime;

internal enum DateTokenKind : byte
{
    Number,
    Word,
    Punct,
}

/// <summary>One lexical piece of a date value; <see cref="Value"/> is the number or the punctuation character.</summary>
internal readonly record struct DateToken(DateTokenKind Kind, int Start, int Length, int Value)
{
    public bool IsPunct(char c) => Kind == DateTokenKind.Punct && Value == c;

    public bool IsSign => Kind == DateTokenKind.Punct && Value is '+' or '-';
}
