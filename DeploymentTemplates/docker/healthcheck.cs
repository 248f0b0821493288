#:property PublishAot=false
// The container's HEALTHCHECK: exits 0 when the bot's /healthz answers with success, 1 otherwise. The
// ASP.NET runtime image has neither curl nor wget nor a shell worth relying on, so this small program,
// built in the SDK stage and run with the runtime already in the image, does the request.
var url = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:8080/healthz");
using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
try
{
    using var response = await client.GetAsync(url);
    return response.IsSuccessStatusCode ? 0 : 1;
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
{
    return 1;
}
