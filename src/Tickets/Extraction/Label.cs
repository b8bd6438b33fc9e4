namespace MailTicketing.Tickets.Extraction;

internal readonly record struct Label(LabelKind Kind, int Start, int End)
{
    public bool IsSecret => Kind is LabelKind.PrivateKey or LabelKind.Password or LabelKind.ApiSecret or LabelKind.TwoFactorSecret;
}
