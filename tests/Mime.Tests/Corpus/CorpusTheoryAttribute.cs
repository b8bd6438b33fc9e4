using MailTicketing.Mime.Tests.Support;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>A theory over the shared mail corpus: skipped with a reason when it is missing, failing on CI.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        Skip = TestEnvironment.SkipUnless(CorpusFiles.IsPresent, CorpusFiles.MissingReason);
    }
}
