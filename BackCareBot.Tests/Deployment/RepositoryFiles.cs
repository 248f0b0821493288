namespace BackCareBot.Tests.Deployment;

/// <summary>Files of the repository the tests read, found from the test assembly's folder upwards.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string DeploymentTemplates => Path.Combine(Root, "DeploymentTemplates");

    public static string In(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BackCareBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No BackCareBot.sln above {AppContext.BaseDirectory}.");
    }
}
