namespace MailTicketing.Worker.Tests.Support;

/// <summary>Finds the repository (samples/ and the like) from the test binary's folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

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
