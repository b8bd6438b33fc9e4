namespace MailTicketing.Rules;

/// <summary>Ticket priority set by the <c>priority</c> action; ordered from lowest to highest.</summary>
public enum RulePriority
{
    Low,
    Normal,
    High,
    Urgent,
}
