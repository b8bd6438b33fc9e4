using MailTicketing.Mime.Tests.Support;

namespace MailTicketing.Mime.Tests.Corpus;

/// <summary>A fact over the shared mail corpus: skipped with a reason when it is missing, failing on CI.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        Skip = TestEnvironment.SkipUnless(CorpusFiles.IsPresent, CorpusFiles.MissingReason);
    }
}
