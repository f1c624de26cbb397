namespace Remediation.Cli.Corpus;

/// <summary>Which half of the labelled corpus to use: rules and the model are fitted on one, measured on the other.</summary>
internal enum CorpusSplit
{
    Training,
    Evaluation,
    All,
}
