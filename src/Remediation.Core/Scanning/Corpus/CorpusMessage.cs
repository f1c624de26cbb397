namespace Remediation.Core.Scanning.Corpus;

/// <summary>One labelled message of the SpamAssassin public corpus.</summary>
/// <param name="Group">The corpus folder: easy-ham-1, easy-ham-2, hard-ham-1, spam-1 or spam-2.</param>
/// <param name="Number">The number before the first dot of the file name, which splits hard-ham-1.</param>
/// <param name="Raw">The RFC 822 message, without the mbox "From " line.</param>
public sealed record CorpusMessage(string Group, string Id, int Number, byte[] Raw)
{
    public bool IsSpam => Group.StartsWith("spam", StringComparison.Ordinal);

    public bool IsIn(CorpusSplit split) => split switch
    {
        CorpusSplit.All => true,
        CorpusSplit.Training => IsTraining,
        _ => !IsTraining,
    };

    // Training: easy-ham-1, spam-1 and the odd-numbered half of hard-ham-1; everything else is for measuring only.
    private bool IsTraining => Group switch
    {
        "easy-ham-1" or "spam-1" => true,
        "hard-ham-1" => Number % 2 == 1,
        _ => false,
    };
}
