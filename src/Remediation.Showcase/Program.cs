using System.CommandLine;
using Remediation.Showcase.Commands;

var root = new RootCommand("Email remediation pipeline for Microsoft 365 on this machine: the showcase and the benchmarks.")
{
    RunCommand.Create(),
    BenchCommand.Create(),
    HuntBenchCommand.Create(),
    CampaignBenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
