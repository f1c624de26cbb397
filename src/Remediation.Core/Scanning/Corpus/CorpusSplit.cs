namespace Remediation.Core.Scanning.Corpus;

/// <summary>Which half of the labelled corpus to use: rules and the model are fitted on one, measured on the other.</summary>
public enum CorpusSplit
{
    Training,
    Evaluation,
    All,
}
