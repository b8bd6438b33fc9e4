namespace MailTicketing.Bench.Ingest;

/// <summary>One person writing to us; the same person comes back with new problems.</summary>
internal sealed class Customer(string name, string address, bool chinese, string uid, TimeSpan zone)
{
    public string Name { get; } = name;

    public string Address { get; } = address;

    public bool Chinese { get; } = chinese;

    /// <summary>The account UID: it names the account, so it appears in every problem of this customer.</summary>
    public string Uid { get; } = uid;

    /// <summary>The offset of the customer's Date headers.</summary>
    public TimeSpan Zone { get; } = zone;

    /// <summary>The topic of the last problem, so a new one is a different problem (not a near-duplicate).</summary>
    public Topic? LastTopic { get; set; }
}
