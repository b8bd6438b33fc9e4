namespace MailTicketing.Rules.Model;

/// <summary>The <c>applies_to</c> of a rule: which messages it may act on.</summary>
[Flags]
internal enum TicketScope
{
    New = 1,
    FollowUp = 2,
    Both = New | FollowUp,
}
