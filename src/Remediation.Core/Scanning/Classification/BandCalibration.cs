namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// Places the suspicious and malicious logits on out-of-fold scores: the lowest logits at which each ham group stays
/// within its allowed share of each band, counting the points the engine's other rules give each message and treating
/// every ham as scoring the margin higher than it did. Both start where the classifier alone would put them; moving
/// both up together lowers every message's points, and moving the suspicious logit up towards the malicious one lowers
/// the points of every message below the malicious band, so the search only ever moves up.
/// </summary>
internal static class BandCalibration
{
    private const double Step = 0.01;
    // Keeps the mapping from logit to points finite when both bands would start at the same logit.
    private const double MinimumGap = 0.1;

    public static (double Suspicious, double Malicious) Find(IReadOnlyList<ScoredExample> scored, TrainingSettings settings)
    {
        var hamByGroup = scored.Where(s => !s.IsSpam).GroupBy(s => s.Group)
            .ToDictionary(g => g.Key, g => g.Select(s => (Logit: s.Logit + settings.Margin, s.OtherRulesWeight)).ToArray());
        var floor = scored.Min(s => s.Logit);
        var ceiling = scored.Max(s => s.Logit) + settings.Margin + 1;

        // The classifier alone gives lower bounds: the other rules only ever add points.
        var malicious = AloneThreshold(hamByGroup, settings.MaliciousHamShare, floor);
        var suspicious = Math.Min(AloneThreshold(hamByGroup, settings.SuspiciousHamShare, floor), malicious - MinimumGap);
        while (malicious < ceiling && !WithinShare(hamByGroup, settings.MaliciousHamShare, ClassifierWeight.MaliciousPoints, suspicious, malicious))
        {
            suspicious += Step;
            malicious += Step;
        }
        while (malicious < ceiling && !WithinShare(hamByGroup, settings.SuspiciousHamShare, ClassifierWeight.SuspiciousPoints, suspicious, malicious))
        {
            suspicious += Step;
            if (suspicious > malicious - MinimumGap) malicious += Step;
        }
        return (suspicious, malicious);
    }

    // The lowest logit at which every ham group stays within its allowed share on the classifier's logit alone.
    private static double AloneThreshold(Dictionary<string, (double Logit, double Other)[]> hamByGroup, IReadOnlyDictionary<string, double> allowedShare, double floor)
    {
        var threshold = floor;
        foreach (var (group, ham) in hamByGroup)
        {
            var sorted = ham.Select(h => h.Logit).Order().ToArray();
            var index = sorted.Length - 1 - Allowed(sorted.Length, group, allowedShare);
            if (index >= 0) threshold = Math.Max(threshold, sorted[index] + 1e-6);
        }
        return threshold;
    }

    private static bool WithinShare(Dictionary<string, (double Logit, double Other)[]> hamByGroup, IReadOnlyDictionary<string, double> allowedShare,
        double bandPoints, double suspicious, double malicious)
    {
        foreach (var (group, ham) in hamByGroup)
        {
            // Ham that the other rules alone put in the band is no calibration's to fix; the rest must stay out.
            var reached = ham.Count(h => h.Other < bandPoints && ClassifierWeight.Of(h.Logit, suspicious, malicious) + h.Other >= bandPoints);
            if (reached > Allowed(ham.Length, group, allowedShare)) return false;
        }
        return true;
    }

    private static int Allowed(int count, string group, IReadOnlyDictionary<string, double> allowedShare) =>
        (int)Math.Floor(count * allowedShare.GetValueOrDefault(group));
}
