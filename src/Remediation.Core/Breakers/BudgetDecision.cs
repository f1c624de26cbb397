namespace Remediation.Core.Breakers;

public enum BudgetDecision
{
    /// <summary>A unit was taken: act.</summary>
    Granted,

    /// <summary>None left, and this is the hour's first refusal: do not act, and raise the breaker alert.</summary>
    Tripped,

    /// <summary>None left and the alert was raised already this hour: do not act.</summary>
    Exhausted,
}
