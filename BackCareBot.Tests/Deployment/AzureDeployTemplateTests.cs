using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackCareBot.Configuration;
using BackCareBot.Storage;

namespace BackCareBot.Tests.Deployment;

/// <summary>The ARM template (azuredeploy.json) and its parameter files, read as JSON.</summary>
public sealed partial class AzureDeployTemplateTests
{
    private static readonly ArmScope Main = ArmScope.Load(Path.Combine(RepositoryFiles.DeploymentTemplates, "azuredeploy.json"));

    public static TheoryData<string> ParameterFiles() =>
        [.. Directory.GetFiles(RepositoryFiles.DeploymentTemplates, "azuredeploy.parameters*.json").Select(f => Path.GetFileName(f))];

    [Fact]
    public void Template_Parses_DeploymentSchemaWithModules()
    {
        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string?)Main.Template["$schema"]);
        Assert.NotEmpty(Main.Deployments);
        Assert.All(Main.Deployments, d => Assert.Equal("inner", (string?)d["properties"]?["expressionEvaluationOptions"]?["scope"]));
    }

    [Fact]
    public void EveryTemplate_EveryParameterDeclared_IsUsed()
    {
        foreach (var scope in Main.SelfAndDescendants())
        {
            var used = scope.Expressions().SelectMany(ArmScope.ParametersUsedIn).ToHashSet(StringComparer.Ordinal);
            Assert.All(scope.Parameters.Select(p => p.Key), name => Assert.True(used.Contains(name), $"parameter {name} of {ScopeName(scope)} is never used"));
        }
    }

    [Fact]
    public void EveryTemplate_EveryParameterAndVariableUsed_IsDeclared()
    {
        foreach (var scope in Main.SelfAndDescendants())
        {
            var expressions = scope.Expressions().ToList();
            Assert.All(expressions.SelectMany(ArmScope.ParametersUsedIn).Distinct(), name => Assert.True(scope.Parameters.ContainsKey(name), $"{ScopeName(scope)} uses undeclared parameter {name}"));
            Assert.All(expressions.SelectMany(ArmScope.VariablesUsedIn).Distinct(), name => Assert.True(scope.Variables.ContainsKey(name), $"{ScopeName(scope)} uses undeclared variable {name}"));
        }
    }

    [Fact]
    public void EveryModule_ParametersPassed_MatchItsDeclarations()
    {
        foreach (var deployment in Main.SelfAndDescendants().SelectMany(s => s.Deployments))
        {
            var nested = deployment["properties"]!["template"]!["parameters"]!.AsObject();
            var passed = deployment["properties"]!["parameters"]!.AsObject();
            var required = nested.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key);
            Assert.Equal(required.Order(), passed.Select(p => p.Key).Where(required.Contains).Order());
            Assert.All(passed.Select(p => p.Key), name => Assert.True(nested.ContainsKey(name), $"{deployment["name"]} passes unknown parameter {name}"));
        }
    }

    [Fact]
    public void EveryResource_ApiVersion_IsTheCurrentOneForItsType()
    {
        foreach (var resource in Main.SelfAndDescendants().SelectMany(s => s.Resources))
        {
            var type = (string)resource["type"]!;
            Assert.True(CurrentApiVersions.ByType.TryGetValue(type, out var expected), $"{type} has no chosen API version");
            Assert.Equal(expected, (string?)resource["apiVersion"]);
        }
    }

    [Fact]
    public void EveryResourceName_DerivesFromNamePrefix()
    {
        foreach (var scope in Main.SelfAndDescendants())
        {
            foreach (var resource in scope.Resources)
            {
                var name = (string)resource["name"]!;
                var roots = RootParameters(scope, name, depth: 0).ToHashSet(StringComparer.Ordinal);
                Assert.True(roots.Contains("namePrefix"), $"{resource["type"]} '{name}' in {ScopeName(scope)} does not derive from namePrefix");
            }
        }
    }

    [Fact]
    public void Outputs_MessagingEndpointAndDirectLineSite_WithoutSecrets()
    {
        Assert.Contains("messagingEndpoint", Main.Outputs.Select(o => o.Key));
        Assert.Contains("directLineSiteName", Main.Outputs.Select(o => o.Key));
        Assert.EndsWith("/api/messages', reference(resourceId('Microsoft.Resources/deployments', format('{0}-app', parameters('namePrefix'))), '2022-09-01').outputs.hostName.value)]", (string?)Main.Outputs["messagingEndpoint"]?["value"], StringComparison.Ordinal);
        foreach (var scope in Main.SelfAndDescendants())
        {
            var secure = scope.Parameters.Where(p => (string?)p.Value?["type"] == "securestring").Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, output) in scope.Outputs)
            {
                // Asking whether a secret was given at all reveals nothing of it.
                var value = EmptinessTest().Replace((string?)output?["value"] ?? string.Empty, string.Empty);
                Assert.DoesNotContain("listKeys(", value, StringComparison.Ordinal);
                Assert.DoesNotContain(ArmScope.ParametersUsedIn(value), secure.Contains);
                Assert.False(name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase), name);
            }
        }
    }

    [Fact]
    public void WebApp_LinuxDotnet10_WebSocketsAlwaysOnHttpsOnlyHealthCheckAndManagedIdentity()
    {
        var site = Resource("Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        Assert.Equal("app,linux", (string?)site["kind"]);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool)config["webSocketsEnabled"]!);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]?["type"]);
        Assert.True((bool)Resource("Microsoft.Web/serverfarms")["properties"]!["reserved"]!);
    }

    [Fact]
    public void WebApp_AppSettings_ConfigureIdentityStorageAndListeningAddress()
    {
        var settings = AppSettings();

        Assert.Equal("[parameters('botAppType')]", settings["MicrosoftAppType"]);
        Assert.Contains("identityClientId", settings["MicrosoftAppId"], StringComparison.Ordinal);
        Assert.Equal("[subscription().tenantId]", settings["MicrosoftAppTenantId"]);
        Assert.Equal("[parameters('storageProvider')]", settings["Storage__Provider"]);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})'", settings["Storage__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["MicrosoftAppPassword"], StringComparison.Ordinal);
        Assert.Equal("http://+:8080", settings["URLS"]);
        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings.Keys);
    }

    [Fact]
    public void Settings_ValuesTheTemplateCanChoose_AreOnesTheBotAccepts()
    {
        var appTypes = Main.Parameters["botAppType"]!["allowedValues"]!.AsArray().Select(v => (string)v!).ToList();
        var providers = ((string)DeploymentNamed("app")["properties"]!["parameters"]!["storageProvider"]!["value"]!)
            .Split('\'').Where(part => part is "Postgres" or "Cosmos").ToList();

        Assert.Equal(["UserAssignedMSI", "SingleTenant"], appTypes);
        Assert.All(appTypes, value => Assert.True(Enum.TryParse<BotAppType>(value, ignoreCase: true, out _), value));
        Assert.Equal(["Postgres", "Cosmos"], providers);
        Assert.All(providers, value => Assert.True(Enum.TryParse<StorageProvider>(value, ignoreCase: true, out _), value));
    }

    [Fact]
    public void Bot_AzureBotWithoutMultiTenant_TeamsTermsAcceptedDirectLineAndSpeechChannels()
    {
        var bot = Resource("Microsoft.BotService/botServices");
        var channels = Main.SelfAndDescendants().SelectMany(s => s.Resources)
            .Where(r => (string?)r["type"] == "Microsoft.BotService/botServices/channels")
            .ToDictionary(r => (string)r["properties"]!["channelName"]!, StringComparer.Ordinal);

        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("global", (string?)bot["location"]);
        Assert.DoesNotContain("MultiTenant", Main.Parameters["botAppType"]!["allowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["DirectLineChannel", "DirectLineSpeechChannel", "MsTeamsChannel"], channels.Keys.Order());
        Assert.All(channels, c => Assert.EndsWith($"'{c.Key}')]", (string)c.Value["name"]!, StringComparison.Ordinal));
        Assert.All(channels.Values, c => Assert.Equal("global", (string?)c["location"]));
        Assert.True((bool)channels["MsTeamsChannel"]["properties"]!["properties"]!["acceptedTerms"]!);
        Assert.NotNull(channels["DirectLineSpeechChannel"]["properties"]!["properties"]!["cognitiveServiceResourceId"]);
    }

    [Fact]
    public void StateStore_PostgresByDefault_CosmosAsTheAlternative()
    {
        Assert.Equal("postgres", (string?)Main.Parameters["stateStore"]!["defaultValue"]);
        Assert.Equal("[equals(parameters('stateStore'), 'postgres')]", (string?)DeploymentNamed("postgres")["condition"]);
        Assert.Equal("[equals(parameters('stateStore'), 'cosmos')]", (string?)DeploymentNamed("cosmos")["condition"]);
        var container = Resource("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers");
        Assert.Equal("/id", (string?)container["properties"]!["resource"]!["partitionKey"]!["paths"]![0]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ParameterFile_GivesOnlyDeclaredParameters_EveryRequiredOne_AndNoSecret(string fileName)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.DeploymentTemplates, fileName)))!;
        var given = file["parameters"]!.AsObject().Select(p => p.Key).ToList();
        var required = Main.Parameters.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key);
        var secure = Main.Parameters.Where(p => (string?)p.Value?["type"] == "securestring").Select(p => p.Key);

        Assert.All(given, name => Assert.True(Main.Parameters.ContainsKey(name), $"{fileName} gives unknown parameter {name}"));
        Assert.All(required, name => Assert.Contains(name, given));
        Assert.All(secure, name => Assert.DoesNotContain(name, given));
    }

    [Fact]
    public void BicepParameterFile_GivesOnlyParametersOfMainBicep()
    {
        var declared = BicepOutline.Load(Path.Combine(RepositoryFiles.DeploymentTemplates, "main.bicep")).Parameters;
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.DeploymentTemplates, "main.bicepparam"));
        var given = lines.Where(l => l.StartsWith("param ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();

        Assert.Contains("using 'main.bicep'", lines);
        Assert.NotEmpty(given);
        Assert.All(given, name => Assert.True(declared.ContainsKey(name), name));
        Assert.Contains("namePrefix", given);
    }

    private static Dictionary<string, string> AppSettings() =>
        Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!, StringComparer.Ordinal);

    private static JsonObject Resource(string type) =>
        Main.SelfAndDescendants().SelectMany(s => s.Resources).Single(r => (string?)r["type"] == type);

    private static JsonObject DeploymentNamed(string suffix) =>
        Main.Deployments.Single(d => (string?)d["name"] == $"[format('{{0}}-{suffix}', parameters('namePrefix'))]");

    private static string ScopeName(ArmScope scope) => (string?)scope.Deployment?["name"] ?? "the main template";

    /// <summary>The main template's parameters an expression depends on, through variables and module parameters.</summary>
    private static IEnumerable<string> RootParameters(ArmScope scope, string expression, int depth)
    {
        Assert.True(depth < 20, "expression references loop");
        foreach (var variable in ArmScope.VariablesUsedIn(expression))
        {
            foreach (var text in ArmScope.Strings(scope.Variables[variable]))
            {
                foreach (var root in RootParameters(scope, text, depth + 1))
                {
                    yield return root;
                }
            }
        }

        foreach (var parameter in ArmScope.ParametersUsedIn(expression))
        {
            if (scope.Parent is null)
            {
                yield return parameter;
                continue;
            }

            foreach (var text in ArmScope.Strings(scope.Deployment!["properties"]!["parameters"]![parameter]))
            {
                foreach (var root in RootParameters(scope.Parent, text, depth + 1))
                {
                    yield return root;
                }
            }
        }
    }

    [GeneratedRegex(@"empty\(parameters\('[^']+'\)\)")]
    private static partial Regex EmptinessTest();
}
