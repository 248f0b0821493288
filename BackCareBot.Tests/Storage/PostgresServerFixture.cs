using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BackCareBot.Tests.Storage;

/// <summary>
/// A real, throwaway PostgreSQL server for the tests: initdb into a temporary folder, listening on
/// 127.0.0.1 on a free port, stopped and deleted afterwards. It fails rather than skips when the server
/// binaries are missing, so a machine without them cannot pass the Postgres tests by not running them.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private const string PostgresRoot = "/usr/lib/postgresql";
    private const string DatabaseName = "backcarebot_tests";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bcb-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string _binDirectory = string.Empty;
    private string _serverOptions = string.Empty;
    private bool _started;

    public string ConnectionString { get; private set; } = string.Empty;

    private static bool RunningAsRoot => Environment.UserName == "root";

    private string DataDirectory => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        _binDirectory = FindBinDirectory();
        Directory.CreateDirectory(_root);
        if (RunningAsRoot)
        {
            // The server refuses to run as root, so the cluster belongs to Debian's postgres account.
            await RunAsync("chown", ["postgres:postgres", _root]);
        }

        await RunAsync(Tool("initdb"), ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true);

        var port = FreePort();
        _serverOptions = $"-h 127.0.0.1 -p {port} -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await StartAsync();

        var server = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {DatabaseName} ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        server.Database = DatabaseName;
        server.Pooling = true;
        ConnectionString = server.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            await RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true);
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>
    /// Shuts the server down as an operator would (fast: clients are disconnected, data is kept), for tests
    /// of a store that goes away. Only for a fixture of the test's own; the shared one serves other classes.
    /// </summary>
    public async Task StopAsync()
    {
        await RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], asPostgres: true);
        _started = false;
    }

    /// <summary>Starts the server (again) on the same port and data, so existing connection strings work once more.</summary>
    public async Task StartAsync()
    {
        await RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o", _serverOptions, "start"], asPostgres: true);
        _started = true;
    }

    /// <summary>Starts the server unless it is running, so a test that stopped it leaves it up for the next.</summary>
    public async Task EnsureRunningAsync()
    {
        if (!_started)
        {
            await StartAsync();
        }
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists(PostgresRoot)
            ? Directory.GetDirectories(PostgresRoot)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .ToList()
            : [];

        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found under {PostgresRoot}/*/bin. " +
            "Install them with 'apt-get install -y postgresql' before running the Postgres storage tests.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        if (asPostgres && RunningAsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", fileName])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private string Tool(string name) => Path.Combine(_binDirectory, name);
}

[CollectionDefinition(Name)]
public sealed class PostgresServerCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "Postgres server";
}
