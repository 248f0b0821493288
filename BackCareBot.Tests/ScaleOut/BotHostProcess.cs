using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace BackCareBot.Tests.ScaleOut;

/// <summary>
/// The built bot run as its own operating-system process (<c>dotnet BackCareBot.dll</c>), as one instance of
/// a scaled-out deployment would be: its own memory, its own turn locks, nothing shared but the settings
/// given here. It listens on a port the system picks on 127.0.0.1 and is killed on dispose, test failed or not.
/// </summary>
internal sealed class BotHostProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Now listening on: ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotHostProcess(Process process)
    {
        _process = process;
    }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Everything the process wrote so far, for a failing test's message.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>How many turns this process had to run again because another instance saved first.</summary>
    public int ConflictRetries => _output.Count(line => line.Contains("lost a state race", StringComparison.Ordinal));

    /// <summary>Starts the bot with <paramref name="settings"/> as environment variables and, unless other arguments are given, --urls on a free port.</summary>
    public static async Task<BotHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, IReadOnlyList<string>? arguments = null)
    {
        var appDirectory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(appDirectory, "BackCareBot.dll"));
        foreach (var argument in arguments ?? ["--urls", "http://127.0.0.1:0"])
        {
            start.ArgumentList.Add(argument);
        }

        // Settings inherited from the test run must not leak into the bot.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("Microsoft", StringComparison.Ordinal) || k.StartsWith("Storage__", StringComparison.Ordinal) || k.Equals("URLS", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__LogLevel__BackCareBot.Adapter"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot process.");
        var host = new BotHostProcess(process);
        process.OutputDataReceived += (_, e) => host.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnOutput(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await host.WaitUntilHealthyAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // The process was never started or has already been reaped.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            _listening.TrySetException(new InvalidOperationException("The bot process closed its output before listening."));
            return;
        }

        _output.Enqueue(line);
        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(new Uri(line[(at + ListeningPrefix.Length)..].Trim()));
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        Uri address;
        try
        {
            address = await _listening.Task.WaitAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The bot process did not start listening: {Output}", e);
        }

        Client = new HttpClient { BaseAddress = address };
        while (true)
        {
            try
            {
                using var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative), timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
            catch (HttpRequestException)
            {
                // Listening but not yet serving; try again at once, as connecting itself takes a moment.
            }
            catch (OperationCanceledException e)
            {
                throw new InvalidOperationException($"The bot process never reported healthy: {Output}", e);
            }
        }
    }
}
