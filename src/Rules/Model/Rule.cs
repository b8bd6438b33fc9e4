using MailTicketing.Rules.Conditions;

namespace MailTicketing.Rules.Model;

/// <summary>One compiled rule; a null condition means the rule always matches.</summary>
internal sealed record Rule(string Name, TicketScope Scope, Condition? When, RuleActions Then);
