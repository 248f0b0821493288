using System.Text.Json.Nodes;

namespace BackCareBot.Tests.Deployment;

/// <summary>
/// azuredeploy.json must be main.bicep compiled. Where a Bicep compiler exists, build-arm.sh --check proves
/// it; here none can be installed, so these tests compare what a compiler would carry over unchanged:
/// parameters and their types, outputs, modules as nested deployments, and each resource's type, API
/// version and condition.
/// </summary>
public sealed class BicepArmParityTests
{
    private static readonly string Folder = RepositoryFiles.DeploymentTemplates;
    private static readonly BicepOutline MainBicep = BicepOutline.Load(Path.Combine(Folder, "main.bicep"));
    private static readonly ArmScope MainArm = ArmScope.Load(Path.Combine(Folder, "azuredeploy.json"));

    public static TheoryData<string> Modules() => [.. MainBicep.Modules.Select(m => m.Symbol)];

    public static TheoryData<string> BicepFiles() =>
        [.. Directory.GetFiles(Folder, "*.bicep", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f))];

    [Fact]
    public void Main_ParametersAndTypes_Match()
    {
        Assert.Equal(Describe(MainBicep.Parameters), Describe(ArmParameters(MainArm)));
    }

    [Fact]
    public void Main_Outputs_Match()
    {
        Assert.Equal(MainBicep.Outputs.Order(), MainArm.Outputs.Select(o => o.Key).Order());
    }

    [Fact]
    public void Main_ModulesAndResources_MatchDeploymentsAndResources()
    {
        Assert.Equal(
            MainBicep.Modules.Select(m => $"[format('{{0}}-{m.DeploymentSuffix}', parameters('namePrefix'))]").Order(),
            MainArm.Deployments.Select(d => (string)d["name"]!).Order());
        Assert.Equal(Describe(MainBicep.Resources), Describe(MainArm.Resources.Where(r => (string?)r["type"] != "Microsoft.Resources/deployments")));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_ParametersOutputsResourcesAndCondition_MatchItsNestedDeployment(string symbol)
    {
        var module = MainBicep.Modules.Single(m => m.Symbol == symbol);
        var bicep = BicepOutline.Load(Path.Combine(Folder, module.Path));
        var deployment = MainArm.Deployments.Single(d => (string?)d["name"] == $"[format('{{0}}-{module.DeploymentSuffix}', parameters('namePrefix'))]");
        var nested = MainArm.Nested(deployment);

        Assert.Equal(module.Conditional, deployment["condition"] is not null);
        Assert.Equal(Describe(bicep.Parameters), Describe(ArmParameters(nested)));
        Assert.Equal(bicep.Outputs.Order(), nested.Outputs.Select(o => o.Key).Order());
        Assert.Equal(Describe(bicep.Resources), Describe(nested.Resources));
        Assert.Empty(bicep.Modules);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void BicepFile_EveryResource_UsesTheCurrentApiVersion(string file)
    {
        var resources = BicepOutline.Load(Path.Combine(Folder, file)).Resources;

        Assert.All(resources, r => Assert.Equal(CurrentApiVersions.ByType.GetValueOrDefault(r.Type, "(no version chosen)"), r.ApiVersion));
    }

    [Fact]
    public void BuildScript_ExistsAndIsExecutable()
    {
        var script = Path.Combine(Folder, "build-arm.sh");

        Assert.True(File.Exists(script));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute));
        }

        Assert.Contains("bicep build main.bicep", File.ReadAllText(script), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ArmParameters(ArmScope scope) =>
        scope.Parameters.ToDictionary(p => p.Key, p => ((string)p.Value!["type"]!).ToLowerInvariant(), StringComparer.Ordinal);

    private static IEnumerable<string> Describe(IReadOnlyDictionary<string, string> parameters) =>
        parameters.Select(p => $"{p.Key}: {p.Value.ToLowerInvariant()}").Order();

    private static IEnumerable<string> Describe(IEnumerable<BicepResource> resources) =>
        resources.Where(r => !r.Existing).Select(r => $"{r.Type}@{r.ApiVersion}{(r.Conditional ? " (conditional)" : string.Empty)}").Order();

    private static IEnumerable<string> Describe(IEnumerable<JsonObject> resources) =>
        resources.Select(r => $"{r["type"]}@{r["apiVersion"]}{(r["condition"] is null ? string.Empty : " (conditional)")}").Order();
}
