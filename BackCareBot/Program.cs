using BackCareBot.Adapter;
using BackCareBot.Authentication;
using BackCareBot.Bot;
using BackCareBot.Commands;
using BackCareBot.Configuration;
using BackCareBot.Connector;
using BackCareBot.DirectLine;
using BackCareBot.Endpoints;
using BackCareBot.FollowUps;
using BackCareBot.Health;
using BackCareBot.RateLimiting;
using BackCareBot.Security;
using BackCareBot.Storage;
using BackCareBot.Streaming;
using BackCareBot.Teams;
using BackCareBot.WebChat;

// `dotnet run --project BackCareBot -- recognize` reads utterances from stdin for clinicians and checks.
if (args is ["recognize", ..])
{
    return await RecognizeCommand.RunAsync(args[1..], Console.OpenStandardInput(), Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddBotIdentity(builder.Configuration)
    .AddBotStorage(builder.Configuration)
    .AddBotAuthentication(builder.Configuration)
    .AddBotConnector(builder.Configuration)
    .AddTriageBot(builder.Configuration)
    .AddTeams()
    .AddFollowUps(builder.Configuration)
    .AddBotAdapter()
    .AddDirectLine(builder.Configuration)
    .AddWebChat(builder.Configuration)
    .AddRateLimits(builder.Configuration)
    .AddWebSecurity()
    .AddProblemDetails()
    .AddHostedService<IdleStateJanitor>()
    .AddHealthChecks().AddCheck<StorageHealthCheck>("storage");

var app = builder.Build();
app.Services.EnsureBotIsValid();

app.UseWebSecurity();
app.UseExceptionHandler();
app.MapBotMessages();
app.UseBotStreaming();
app.MapDirectLine();
app.MapWebChat();
app.UseRateLimits();
app.MapHealthChecks("/healthz");

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
