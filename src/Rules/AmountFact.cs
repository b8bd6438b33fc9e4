namespace MailTicketing.Rules;

/// <summary>An amount the customer quoted, with its asset (USDT, BTC, CNY...).</summary>
public readonly record struct AmountFact(decimal Value, string Asset);
