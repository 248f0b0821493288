using System.Diagnostics;
using System.Text.RegularExpressions;
using BackCareBot.Tests.ScaleOut;

namespace BackCareBot.Tests.Deployment;

/// <summary>
/// The container image's recipe. No Docker engine runs here, so the Dockerfile is checked as text, and the
/// health check program it builds is built and run against the real bot started the way the image starts it.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly IReadOnlyList<string> Instructions = ReadInstructions(RepositoryFiles.In("Dockerfile"));

    private static IReadOnlyList<string> BuildStage => Instructions.TakeWhile(i => !IsRuntimeStart(i)).ToList();

    private static IReadOnlyList<string> RuntimeStage => Instructions.SkipWhile(i => !IsRuntimeStart(i)).ToList();

    [Fact]
    public void Dockerfile_TwoStages_SdkBuildsAndAspNetRuntimeRuns()
    {
        var stages = Instructions.Where(i => i.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"], stages);
        Assert.Contains(BuildStage, i => i.StartsWith("RUN dotnet publish BackCareBot/BackCareBot.csproj", StringComparison.Ordinal));
        Assert.Contains(BuildStage, i => i.StartsWith("RUN apt-get update", StringComparison.Ordinal) && i.Contains("nodejs npm", StringComparison.Ordinal));
    }

    [Fact]
    public void RuntimeStage_OnlyCopiesBuildOutput_AndRunsAsNonRootUser()
    {
        var user = RuntimeStage.Single(i => i.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..];

        Assert.DoesNotContain(RuntimeStage, i => i.StartsWith("RUN ", StringComparison.Ordinal));
        Assert.All(RuntimeStage.Where(i => i.StartsWith("COPY ", StringComparison.Ordinal)), i => Assert.StartsWith("COPY --from=build ", i, StringComparison.Ordinal));
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.True(IndexOf(RuntimeStage, "USER ") < IndexOf(RuntimeStage, "ENTRYPOINT "));
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"BackCareBot.dll\"]", RuntimeStage[^1]);
    }

    [Fact]
    public void RuntimeStage_ListensHealthChecksAndExposesTheSamePort()
    {
        var exposed = RuntimeStage.Single(i => i.StartsWith("EXPOSE ", StringComparison.Ordinal))["EXPOSE ".Length..];
        var urls = UrlsSetting().Match(string.Join('\n', RuntimeStage));
        var healthCheck = RuntimeStage.Single(i => i.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));

        Assert.True(urls.Success);
        Assert.Equal(exposed, urls.Groups[1].Value);
        Assert.Contains($"CMD [\"dotnet\", \"/healthcheck/healthcheck.dll\", \"http://127.0.0.1:{exposed}/healthz\"]", healthCheck, StringComparison.Ordinal);
        Assert.Contains(RuntimeStage, i => i.StartsWith("ENV ", StringComparison.Ordinal) && i.Contains("Storage__DataDirectory=/data", StringComparison.Ordinal));
        Assert.Contains("VOLUME [\"/data\"]", RuntimeStage);
    }

    [Fact]
    public void Dockerfile_HoldsNoSecrets()
    {
        var settings = Instructions.Where(i => i.StartsWith("ENV ", StringComparison.Ordinal) || i.StartsWith("ARG ", StringComparison.Ordinal));

        Assert.All(settings, i => Assert.DoesNotMatch(SecretSetting(), i));
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputTestsAndHistoryOutOfTheContext()
    {
        var ignored = File.ReadAllLines(RepositoryFiles.In(".dockerignore"));

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git/", ignored);
        Assert.Contains("BackCareBot.Tests/", ignored);
    }

    [Fact]
    public async Task HealthCheckProgram_BotStartedAsTheImageStartsIt_ExitsZeroThenOneOnceItStops()
    {
        var output = Directory.CreateTempSubdirectory("bcb-healthcheck-");
        try
        {
            await RunDotnetAsync(["publish", RepositoryFiles.In("DeploymentTemplates", "docker", "healthcheck.cs"), "--configuration", "Release", "--output", output.FullName]);
            var program = Path.Combine(output.FullName, "healthcheck.dll");
            Uri healthz;

            // As in the image: the address comes from the URLS variable alone, which must beat appsettings.json.
            await using (var bot = await BotHostProcess.StartAsync(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["URLS"] = "http://127.0.0.1:0",
                ["Storage__Provider"] = "Memory",
            }, arguments: []))
            {
                healthz = new Uri(bot.Client.BaseAddress!, "/healthz");
                Assert.Equal(0, await RunDotnetAsync([program, healthz.ToString()], throwOnFailure: false));
            }

            Assert.Equal(1, await RunDotnetAsync([program, healthz.ToString()], throwOnFailure: false));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static bool IsRuntimeStart(string instruction) => instruction.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal);

    private static int IndexOf(IReadOnlyList<string> instructions, string prefix) =>
        instructions.ToList().FindIndex(i => i.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The Dockerfile's instructions, continuation lines joined, comments and blank lines dropped.</summary>
    private static List<string> ReadInstructions(string path)
    {
        var instructions = new List<string>();
        var current = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            current = current.Length == 0 ? line : current + " " + line;
            if (current.EndsWith('\\'))
            {
                current = current[..^1].TrimEnd();
                continue;
            }

            instructions.Add(WhiteSpace().Replace(current, " "));
            current = string.Empty;
        }

        return instructions;
    }

    private static async Task<int> RunDotnetAsync(IReadOnlyList<string> arguments, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test run's MSBuild settings would steer a nested build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (throwOnFailure && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }

        return process.ExitCode;
    }

    [GeneratedRegex(@"\bURLS=http://\+:(\d+)\b")]
    private static partial Regex UrlsSetting();

    [GeneratedRegex(@"(?i)(password|secret|apikey|accountkey|connectionstring)\S*=")]
    private static partial Regex SecretSetting();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
