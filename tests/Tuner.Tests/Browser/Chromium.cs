using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tuner.Tests.Browser;

/// <summary>
/// Headless Chromium driven over the DevTools protocol: open a page, collect console errors and uncaught
/// exceptions, evaluate script, take a screenshot. Started with the flags this machine needs (no sandbox
/// as root, no background networking: the network is closed).
/// </summary>
public sealed partial class Chromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly string _profile;
    private readonly Dictionary<int, TaskCompletionSource<JsonNode?>> _pending = [];
    private readonly List<string> _errors = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _pump;
    private int _nextId;
    private string? _session;

    public static string? Path =>
        new[] { Environment.GetEnvironmentVariable("TUNER_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => p is not null && File.Exists(p));

    private Chromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Console errors, failed resource loads and uncaught exceptions seen so far.</summary>
    public IReadOnlyList<string> Errors { get { lock (_errors) return _errors.ToList(); } }

    public static async Task<Chromium> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("tuner-chromium").FullName;
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("Chromium is not installed."))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--remote-debugging-port=0", $"--user-data-dir={profile}", "--window-size=1280,1800", "about:blank" })
            start.ArgumentList.Add(flag);
        var process = Process.Start(start)!;
        var browser = new Chromium(process, profile);
        var endpoint = await browser.ReadEndpointAsync();
        await browser._socket.ConnectAsync(new Uri(endpoint), CancellationToken.None);
        browser._pump = Task.Run(browser.PumpAsync);
        var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var attached = await browser.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target!["targetId"]!.GetValue<string>(), ["flatten"] = true });
        browser._session = attached!["sessionId"]!.GetValue<string>();
        foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable" }) await browser.SendAsync(domain);
        return browser;
    }

    public async Task OpenAsync(string file)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(System.IO.Path.GetFullPath(file)).AbsoluteUri });
        await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result?["exceptionDetails"] is { } error) throw new InvalidOperationException($"Script failed: {error.ToJsonString()}");
        return result?["result"]?["value"];
    }

    public async Task ScreenshotAsync(string file)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(result!["data"]!.GetValue<string>()));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _socket.Dispose();
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { }
    }

    private async Task<string> ReadEndpointAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = await _process.StandardError.ReadLineAsync() ?? throw new InvalidOperationException("Chromium exited before it listened.");
            if (Endpoint().Match(line) is { Success: true } match) return match.Value;
        }

        throw new TimeoutException("Chromium did not print its DevTools endpoint.");
    }

    private async Task<JsonNode?> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending) _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (_session is not null && !method.StartsWith("Target.", StringComparison.Ordinal)) message["sessionId"] = _session;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[1 << 20];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult part;
            try { part = await _socket.ReceiveAsync(buffer, _stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException) { return; }
            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage) continue;
            var node = JsonNode.Parse(message.ToArray());
            message.SetLength(0);
            Dispatch(node!);
        }
    }

    private void Dispatch(JsonNode node)
    {
        if (node["id"] is { } id)
        {
            TaskCompletionSource<JsonNode?>? reply;
            lock (_pending) _pending.Remove(id.GetValue<int>(), out reply);
            if (node["error"] is { } error) reply?.TrySetException(new InvalidOperationException(error.ToJsonString()));
            else reply?.TrySetResult(node["result"]);
            return;
        }

        var parameters = node["params"];
        switch (node["method"]?.GetValue<string>())
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Runtime.exceptionThrown":
                AddError($"exception: {parameters?["exceptionDetails"]?.ToJsonString()}");
                break;
            case "Runtime.consoleAPICalled" when (parameters?["type"]?.GetValue<string>() is "error" or "assert"):
                AddError($"console.error: {parameters?["args"]?.ToJsonString()}");
                break;
            case "Log.entryAdded" when (parameters?["entry"]?["level"]?.GetValue<string>() == "error"):
                AddError($"log: {parameters?["entry"]?["text"]?.GetValue<string>()}");
                break;
        }
    }

    private void AddError(string error)
    {
        lock (_errors) _errors.Add(error);
    }

    [GeneratedRegex(@"ws://[^\s]+")]
    private static partial Regex Endpoint();
}
