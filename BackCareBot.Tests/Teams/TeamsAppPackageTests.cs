using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace BackCareBot.Tests.Teams;

/// <summary>
/// Builds the Teams app package with DeploymentTemplates/teams/build-package.sh and checks it: the manifest
/// against the official schema (offline, with the copy @microsoft/app-manifest bundles), the bot id from
/// configuration, and the icon sizes Teams requires.
/// </summary>
public sealed class TeamsAppPackageTests : IDisposable
{
    private const string BotId = "5b1f4c0e-2a8d-4f3e-9b7c-1d2e3f4a5b6c";
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"backcarebot-teams-{Guid.NewGuid():N}");

    [Fact]
    public async Task BuildPackage_BotIdFromConfiguration_ManifestCarriesItAndZipHasThreeFiles()
    {
        var package = await BuildAsync();

        using var zip = ZipFile.OpenRead(package);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var manifest = await JsonDocument.ParseAsync(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal(BotId, manifest.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{manifest.RootElement.GetProperty("manifestVersion").GetString()}/MicrosoftTeams.schema.json",
            manifest.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public async Task BuiltManifest_OfficialSchema_Valid()
    {
        await BuildAsync();

        var (exitCode, output) = await RunAsync("node", ClientFolder(), "validate-manifest.js", Path.Combine(_out, "manifest.json"));

        Assert.True(exitCode == 0, output);
        Assert.StartsWith("valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaCheck_BrokenManifest_Rejected()
    {
        await BuildAsync();
        var broken = Path.Combine(_out, "broken.json");
        var text = await File.ReadAllTextAsync(Path.Combine(_out, "manifest.json"));
        await File.WriteAllTextAsync(broken, text.Replace("\"personal\", \"groupChat\"", "\"personal\", \"everyone\"", StringComparison.Ordinal));

        var (exitCode, output) = await RunAsync("node", ClientFolder(), "validate-manifest.js", broken);

        Assert.Equal(1, exitCode);
        Assert.Contains("/bots/0/scopes", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_Size_AsTeamsRequires(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TemplateFolder(), file));

        // PNG signature, then the IHDR chunk: length, "IHDR", width, height (big-endian).
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public void OutlineIcon_OnlyTransparentOrWhitePixels_ColourTypeWithAlpha()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TemplateFolder(), "outline.png"));

        // Colour type 6 = RGBA, 8 bits per channel: the outline needs a transparent background.
        Assert.Equal(8, bytes[24]);
        Assert.Equal(6, bytes[25]);
    }

    [Fact]
    public async Task BuildPackage_BotIdNotAGuid_Fails()
    {
        var (exitCode, _) = await RunAsync("bash", TemplateFolder(), ("MicrosoftAppId", "not-a-guid"), "build-package.sh", _out);

        Assert.NotEqual(0, exitCode);
        Assert.False(File.Exists(Path.Combine(_out, "backcarebot-teams.zip")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    private async Task<string> BuildAsync()
    {
        var (exitCode, output) = await RunAsync("bash", TemplateFolder(), ("MicrosoftAppId", BotId), "build-package.sh", _out);
        Assert.True(exitCode == 0, output);
        return Path.Combine(_out, "backcarebot-teams.zip");
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string program, string workingDirectory, params string[] arguments) =>
        RunAsync(program, workingDirectory, null, arguments);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string workingDirectory, (string Name, string Value)? variable, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (variable is { } v)
        {
            start.Environment[v.Name] = v.Value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BackCareBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (BackCareBot.sln) was not found above the test binaries.");
    }

    private static string TemplateFolder() => Path.Combine(RepositoryRoot(), "DeploymentTemplates", "teams");

    private static string ClientFolder() => Path.Combine(RepositoryRoot(), "BackCareBot.Tests", "ClientTests", "teams");
}
