namespace Remediation.Core.Breakers;

/// <summary>What a store granted of the units asked for: some or all of them, or none with the reason.</summary>
/// <param name="Units">Units granted: at least one when <see cref="Decision"/> is <see cref="BudgetDecision.Granted"/>, else none.</param>
public readonly record struct BudgetTake(BudgetDecision Decision, int Units);
