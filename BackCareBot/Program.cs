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

// One WebSocket setup serves the voice stream and Direct Line: pings find a dead peer (a dropped call, a closed
// tab) that would otherwise hold a connection for hours.
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15), KeepAliveTimeout = TimeSpan.FromSeconds(30) });
app.UseBotStreaming();
app.MapDirectLine();
app.MapWebChat();
app.UseRateLimits();
app.MapHealthChecks("/healthz");

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
