namespace MailTicketing.Tickets.Sla;

/// <summary>A holiday, half day or make-up working day of a calendar.</summary>
public sealed class SpecialDateOptions
{
    /// <summary>"2025-10-01", or a range "2025-10-01..2025-10-07".</summary>
    public string Date { get; set; } = "";

    /// <summary>For people reading the file and the notices ("National Day").</summary>
    public string? Name { get; set; }

    /// <summary>The hours open on that date; empty means closed all day.</summary>
    public string? Hours { get; set; }
}
