namespace MailTicketing.Fuzz.Tests.Engine;

/// <summary>What a fuzz run feeds its inputs to.</summary>
internal interface IFuzzTarget
{
    string Name { get; }

    /// <summary>
    /// Runs one input to the end and checks what the target promises for it; returns null when
    /// all is well, else what went wrong. Exceptions count as failures too.
    /// </summary>
    string? Run(byte[] input, long iteration);

    /// <summary>Counts per outcome, for the report; empty when the target has none.</summary>
    string Outcomes { get; }
}
