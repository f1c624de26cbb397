namespace Remediation.Core.Scanning.Classification;

/// <summary>A labelled message; the group (the corpus folder) lets calibration hold each kind of ham to its own bar.</summary>
public sealed record TrainingExample(ScannedMessage Message, bool IsSpam, string Group);
