using MailTicketing.Mime.Tests.Corpus;
using MailTicketing.Mime.Tests.Support;

namespace MailTicketing.Fuzz.Tests.Support;

/// <summary>A fact that mutates the shared corpus: skipped with a reason when it is missing, failing on CI.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        Skip = TestEnvironment.SkipUnless(CorpusFiles.IsPresent, CorpusFiles.MissingReason);
    }
}
