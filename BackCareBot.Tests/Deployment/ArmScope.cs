using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BackCareBot.Tests.Deployment;

/// <summary>
/// One template of an ARM JSON file: the main one or a module's nested one ("inner" expression scope), with
/// the parameters its expressions may use and the template that supplies their values.
/// </summary>
internal sealed partial class ArmScope
{
    private ArmScope(JsonObject template, ArmScope? parent, JsonObject? deployment)
    {
        Template = template;
        Parent = parent;
        Deployment = deployment;
    }

    public JsonObject Template { get; }

    /// <summary>The template holding the deployment resource that nests this one; null for the main template.</summary>
    public ArmScope? Parent { get; }

    /// <summary>The Microsoft.Resources/deployments resource this template is nested in.</summary>
    public JsonObject? Deployment { get; }

    public JsonObject Parameters => Template["parameters"]?.AsObject() ?? [];

    public JsonObject Variables => Template["variables"]?.AsObject() ?? [];

    public JsonObject Outputs => Template["outputs"]?.AsObject() ?? [];

    public IEnumerable<JsonObject> Resources => Template["resources"]?.AsArray().Select(r => r!.AsObject()) ?? [];

    public IEnumerable<JsonObject> Deployments => Resources.Where(r => (string?)r["type"] == "Microsoft.Resources/deployments");

    public static ArmScope Load(string path) => new((JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException(path)).AsObject(), null, null);

    /// <summary>This template and every template nested in it, depth first.</summary>
    public IEnumerable<ArmScope> SelfAndDescendants()
    {
        yield return this;
        foreach (var deployment in Deployments)
        {
            var nested = deployment["properties"]?["template"]?.AsObject();
            if (nested is not null)
            {
                foreach (var scope in new ArmScope(nested, this, deployment).SelfAndDescendants())
                {
                    yield return scope;
                }
            }
        }
    }

    /// <summary>The nested template of a deployment resource of this template.</summary>
    public ArmScope Nested(JsonObject deployment) =>
        new(deployment["properties"]!["template"]!.AsObject(), this, deployment);

    /// <summary>Every string in this template's own scope: not the parameter declarations, not nested templates.</summary>
    public IEnumerable<string> Expressions()
    {
        foreach (var (name, node) in Template)
        {
            if (name == "parameters")
            {
                foreach (var declaration in Parameters.Select(p => p.Value?["defaultValue"]))
                {
                    foreach (var text in Strings(declaration))
                    {
                        yield return text;
                    }
                }

                continue;
            }

            foreach (var text in Strings(node))
            {
                yield return text;
            }
        }
    }

    public static IEnumerable<string> ParametersUsedIn(string expression) =>
        ParameterReference().Matches(expression).Select(m => m.Groups[1].Value);

    public static IEnumerable<string> VariablesUsedIn(string expression) =>
        VariableReference().Matches(expression).Select(m => m.Groups[1].Value);

    /// <summary>Every string below a node, skipping nested templates, which are scopes of their own.</summary>
    public static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return text;
                break;
            case JsonArray array:
                foreach (var text in array.SelectMany(Strings))
                {
                    yield return text;
                }

                break;
            case JsonObject obj:
                var isDeploymentProperties = obj["template"] is JsonObject && obj["expressionEvaluationOptions"] is not null;
                foreach (var (name, child) in obj)
                {
                    if (isDeploymentProperties && name == "template")
                    {
                        continue;
                    }

                    // Property names can be expressions too (e.g. a user-assigned identity's id).
                    yield return name;
                    foreach (var text in Strings(child))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"\bparameters\('([^']+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"\bvariables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
