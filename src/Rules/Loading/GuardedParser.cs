using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MailTicketing.Rules.Loading;

/// <summary>
/// Passes the YAML events through while enforcing the nesting limit and refusing aliases, so
/// that the tree built from it is bounded: YamlDotNet builds nested nodes recursively, and an
/// alias lets a small file stand for an exponentially large tree.
/// </summary>
internal sealed class GuardedParser(IParser inner, int maxDepth) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++_depth > maxDepth)
                {
                    throw new RuleFileLimitException(inner.Current.Start, $"mappings and lists nest more than {maxDepth} deep; the limit is {maxDepth}");
                }

                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
            case AnchorAlias alias:
                throw new RuleFileLimitException(alias.Start, $"aliases (*{alias.Value}) are not supported in a rules file; write the value out");
        }

        return true;
    }
}
