namespace MailTicketing.Mime.Tests.Support;

/// <summary>Finds the repository and the shared test corpus from the test binary's folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>../shared/corpus beside the repository (see DESIGN.md); CI clones main with shared/ next to it.</summary>
    public static string CorpusRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));

    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MailTicketing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"MailTicketing.sln not found above {AppContext.BaseDirectory}");
    }
}
