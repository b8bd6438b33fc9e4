using YamlDotNet.Core;

namespace MailTicketing.Rules.Loading;

/// <summary>Stops reading a rules file that is over a limit; reported as a positioned error, never thrown to callers.</summary>
internal sealed class RuleFileLimitException(Mark position, string message) : Exception(message)
{
    public Mark Position { get; } = position;
}
