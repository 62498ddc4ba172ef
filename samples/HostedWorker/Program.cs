using HostedWorker;
using Tuner.Engine;

// A worker service that tunes the studies of appsettings.json's "Tuner" section in its own process, then stops.
// `dotnet run --project samples/HostedWorker` runs it in its project directory, to which appsettings.json's paths are relative.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddTuner(builder.Configuration.GetSection("Tuner"));
builder.Services.AddHostedService<WinnerAnnouncer>();
await builder.Build().RunAsync();
