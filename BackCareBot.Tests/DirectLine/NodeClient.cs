using System.Diagnostics;
using System.Text;

namespace BackCareBot.Tests.DirectLine;

/// <summary>
/// Runs a script from BackCareBot.Tests/ClientTests with Node, installing its locked npm packages first
/// when they are missing (scripts/install-test-prerequisites.sh normally has done that).
/// </summary>
public static class NodeClient
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Directory { get; } = FindClientTests();

    public static async Task<NodeRun> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        await EnsureInstalledAsync();
        return await RunProcessAsync("node", [script, .. arguments], timeout);
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "botframework-directlinejs")))
            {
                var install = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], TimeSpan.FromMinutes(5));
                Assert.True(install.ExitCode == 0, $"npm ci failed in {Directory}:\n{install.Output}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<NodeRun> RunProcessAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(output, $"(killed after {timeout})");
        }

        process.WaitForExit();
        lock (output)
        {
            return new NodeRun(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string FindClientTests()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "BackCareBot.Tests", "ClientTests");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("BackCareBot.Tests/ClientTests was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A finished script: its exit code and everything it printed.</summary>
public sealed record NodeRun(int ExitCode, string Output);
