namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// How the classifier's logit becomes points in the verdict: linear through the calibrated suspicious logit (5 points)
/// and malicious logit (10 points), capped at 12; ham-like text scores nothing rather than offsetting other rules.
/// The calibration uses the same mapping, so the bands it promises are the bands the engine gives.
/// </summary>
public static class ClassifierWeight
{
    public const double SuspiciousPoints = 5;
    public const double MaliciousPoints = 10;
    public const double MaxPoints = 12;

    public static double Of(double logit, double suspiciousLogit, double maliciousLogit)
    {
        var points = SuspiciousPoints + ((MaliciousPoints - SuspiciousPoints) * (logit - suspiciousLogit) / (maliciousLogit - suspiciousLogit));
        return Math.Round(Math.Clamp(points, 0, MaxPoints), 1);
    }
}
