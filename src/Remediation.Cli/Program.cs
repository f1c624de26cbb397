using System.CommandLine;
using Remediation.Cli.Commands;

var root = new RootCommand("Email remediation pipeline for Microsoft 365: local runs and tools.")
{
    RunCommand.Create(),
    ScanCommand.Create(),
    TrainCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    CampaignCommands.Restore(),
    CampaignCommands.Approve(),
    RedriveCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
