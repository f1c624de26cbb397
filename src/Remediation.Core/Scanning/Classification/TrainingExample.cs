namespace Remediation.Core.Scanning.Classification;

/// <summary>A labelled message; the group (the corpus folder) lets calibration hold each kind of ham to its own bar.</summary>
/// <param name="OtherRulesWeight">
/// The points the engine's other rules give the message, so that the bands are placed on the verdict's score and not on
/// the classifier alone.
/// </param>
public sealed record TrainingExample(ScannedMessage Message, bool IsSpam, string Group, double OtherRulesWeight = 0);
