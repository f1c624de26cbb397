using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Remediation.Functions;

FunctionsApplication.CreateBuilder(args).ConfigureRemediationFunctions().Build().Run();
