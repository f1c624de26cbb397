using System.CommandLine;
using Remediation.Cli.Commands;

var root = new RootCommand("Email remediation pipeline for Microsoft 365: the operator's tools.")
{
    ScanCommand.Create(),
    TrainCommand.Create(),
    EvalCommand.Create(),
    CampaignCommands.Restore(),
    CampaignCommands.Approve(),
    HuntCommands.Start(),
    HuntCommands.Report(),
    RedriveCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
