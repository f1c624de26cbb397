namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// The form of the subject apart from its words: capitals, money and percent signs, a long gap, or a random tag at
/// the end that bulk tools add to make each copy unique.
/// </summary>
internal static class SubjectFeatures
{
    public static void Add(string subject, FeatureVector vector)
    {
        if (subject.Length == 0)
        {
            vector.Add('x', "subject-none");
            return;
        }
        var letters = 0;
        var upper = 0;
        foreach (var c in subject)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        if (letters > 3 && upper * 2 > letters) vector.Add('x', "subject-capitals");
        if (subject.Contains('!', StringComparison.Ordinal)) vector.Add('x', "subject-exclamation");
        if (subject.Contains('$', StringComparison.Ordinal)) vector.Add('x', "subject-dollar");
        if (subject.Contains('%', StringComparison.Ordinal)) vector.Add('x', "subject-percent");
        if (subject.Any(char.IsDigit)) vector.Add('x', "subject-digits");
        if (subject.Any(c => c > 127)) vector.Add('x', "subject-non-ascii");
        if (subject.Contains("   ", StringComparison.Ordinal)) vector.Add('x', "subject-gap");
        if (EndsWithTag(subject)) vector.Add('x', "subject-tag");
        vector.Add('x', "subject-length:" + TokenShape.Magnitude(subject.Length));
    }

    // A last word of five or more characters that mixes letters and digits, after at least one other word.
    private static bool EndsWithTag(string subject)
    {
        var trimmed = subject.TrimEnd();
        var space = trimmed.LastIndexOfAny([' ', '\t', '-', '_', '#']);
        if (space <= 0) return false;
        var last = trimmed.AsSpan(space + 1);
        if (last.Length < 5) return false;
        var letters = false;
        var digits = false;
        foreach (var c in last)
        {
            if (char.IsAsciiLetter(c)) letters = true;
            else if (char.IsAsciiDigit(c)) digits = true;
            else return false;
        }
        return letters && digits;
    }
}
