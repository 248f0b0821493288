using System.Reflection;
using BackCareBot.Adapter;
using BackCareBot.Authentication;
using BackCareBot.Configuration;
using BackCareBot.Connector;
using BackCareBot.Dialogs.Messages;
using BackCareBot.Dialogs.Recognition.Cloud;
using BackCareBot.DirectLine;
using BackCareBot.FollowUps;
using BackCareBot.RateLimiting;
using BackCareBot.WebChat;
using BackCareBot.Storage;

namespace BackCareBot.Tests.Deployment;

/// <summary>The configuration reference in DeploymentTemplates/README.md names every setting the bot binds.</summary>
public sealed class ConfigurationReferenceTests
{
    private static readonly string Reference = File.ReadAllText(Path.Combine(RepositoryFiles.DeploymentTemplates, "README.md"));

    public static TheoryData<string> BoundSettings()
    {
        var keys = new TheoryData<string>();
        foreach (var key in Keys(typeof(BotIdentityOptions), prefix: null)
            .Concat(Keys(typeof(StorageOptions), StorageOptions.SectionName))
            .Concat(Keys(typeof(BotAuthenticationOptions), BotAuthenticationOptions.SectionName))
            .Concat(Keys(typeof(ConnectorOptions), ConnectorOptions.SectionName))
            .Concat(Keys(typeof(TurnOptions), TurnOptions.SectionName))
            .Concat(Keys(typeof(SpeechSettings), "Speech"))
            .Concat(Keys(typeof(TextAnalyticsHealthOptions), TextAnalyticsHealthOptions.SectionName))
            .Concat(Keys(typeof(FollowUpOptions), FollowUpOptions.SectionName))
            .Concat(Keys(typeof(WebChatOptions), "WebChat"))
            .Concat(Keys(typeof(DirectLineOptions), "DirectLine"))
            .Concat(Keys(typeof(RateLimitOptions), RateLimitOptions.SectionName)))
        {
            keys.Add(key);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(BoundSettings))]
    public void Reference_BoundSetting_IsListedWithItsEnvironmentVariable(string key)
    {
        Assert.Contains($"| `{key}` | `{key.Replace(":", "__", StringComparison.Ordinal)}", Reference, StringComparison.Ordinal);
    }

    /// <summary>Configuration keys of an options class: its settable (or list) properties, nested option objects expanded.</summary>
    private static IEnumerable<string> Keys(Type options, string? prefix)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix is null ? property.Name : $"{prefix}:{property.Name}";
            var type = property.PropertyType;
            var isList = type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable));
            if (type.IsClass && type != typeof(string) && type != typeof(Uri) && !isList)
            {
                foreach (var nested in Keys(type, key))
                {
                    yield return nested;
                }
            }
            else if (property.CanWrite || isList)
            {
                yield return key;
            }
        }
    }
}
