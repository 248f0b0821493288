using System.Text.RegularExpressions;

namespace BackCareBot.Tests.Deployment;

/// <summary>
/// The declarations of one Bicep file, read with patterns rather than a compiler (none is installable
/// here): parameters with their types, outputs, resources with type and API version, and modules. Enough
/// to compare a Bicep file with the ARM JSON it should compile to.
/// </summary>
internal sealed partial record BicepOutline(
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<BicepResource> Resources,
    IReadOnlyList<BicepModule> Modules)
{
    public static BicepOutline Load(string path)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var outputs = new List<string>();
        var resources = new List<BicepResource>();
        var modules = new List<BicepModule>();
        var secure = false;
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("@secure()", StringComparison.Ordinal))
            {
                secure = true;
            }
            else if (ParamLine().Match(line) is { Success: true } param)
            {
                parameters[param.Groups[1].Value] = secure ? "secure" + param.Groups[2].Value : param.Groups[2].Value;
                secure = false;
            }
            else if (OutputLine().Match(line) is { Success: true } output)
            {
                outputs.Add(output.Groups[1].Value);
            }
            else if (ResourceLine().Match(line) is { Success: true } resource)
            {
                resources.Add(new BicepResource(
                    resource.Groups["symbol"].Value,
                    resource.Groups["type"].Value,
                    resource.Groups["version"].Value,
                    Existing: resource.Groups["existing"].Success,
                    Conditional: resource.Groups["condition"].Success));
            }
            else if (ModuleLine().Match(line) is { Success: true } module)
            {
                var deploymentName = lines.Skip(i + 1).Select(l => ModuleName().Match(l)).First(m => m.Success).Groups[1].Value;
                modules.Add(new BicepModule(
                    module.Groups["symbol"].Value,
                    module.Groups["path"].Value,
                    deploymentName,
                    Conditional: module.Groups["condition"].Success));
            }
            else if (!line.StartsWith('@'))
            {
                secure = false;
            }
        }

        return new BicepOutline(parameters, outputs, resources, modules);
    }

    [GeneratedRegex(@"^param (\w+) (\w+)")]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^output (\w+) \w+ =")]
    private static partial Regex OutputLine();

    [GeneratedRegex(@"^resource (?<symbol>\w+) '(?<type>[^@']+)@(?<version>[^']+)'(?<existing> existing)? = (?<condition>if \(.+\) )?\{")]
    private static partial Regex ResourceLine();

    [GeneratedRegex(@"^module (?<symbol>\w+) '(?<path>[^']+)' = (?<condition>if \(.+\) )?\{")]
    private static partial Regex ModuleLine();

    [GeneratedRegex(@"^\s+name: '\$\{namePrefix\}-([\w-]+)'")]
    private static partial Regex ModuleName();
}

internal sealed record BicepResource(string Symbol, string Type, string ApiVersion, bool Existing, bool Conditional);

/// <summary>A module, with the part of its deployment name that follows the name prefix.</summary>
internal sealed record BicepModule(string Symbol, string Path, string DeploymentSuffix, bool Conditional);
