namespace MailTicketing.Worker.Composition;

/// <summary>What one look at the rules file found.</summary>
public enum RulesCheck
{
    /// <summary>The file holds what was last seen (applied or rejected).</summary>
    Unchanged,

    /// <summary>The file changed and is valid: its rules are now in force.</summary>
    Applied,

    /// <summary>The file changed and is not valid (or cannot be read): the rules in force stay.</summary>
    Rejected,
}
