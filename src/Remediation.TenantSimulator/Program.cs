using Remediation.TenantSimulator;
using Remediation.TenantSimulator.Hosting;

// Standalone: dotnet run --project src/Remediation.TenantSimulator -- --urls http://127.0.0.1:5080
var builder = WebApplication.CreateBuilder(args);
builder.Configuration
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "tenantsimulator.settings.json"), optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args); // added again so that both still override the settings file
var options = builder.Configuration.GetSection("Simulator").Get<SimulatorOptions>() ?? new SimulatorOptions();
builder.Services.AddTenantSimulator(options, TimeProvider.System);

var app = builder.Build();
app.UseTenantSimulator();
var tenant = app.Services.GetRequiredService<SimulatedTenant>();
foreach (var seed in builder.Configuration.GetSection("Simulator:SeedMailboxes").Get<MailboxSeed[]>() ?? [])
{
    tenant.AddMailbox(seed.UserPrincipalName, seed.DisplayName);
}

app.Run();
