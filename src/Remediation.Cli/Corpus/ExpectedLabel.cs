namespace Remediation.Cli.Corpus;

/// <summary>What every message of a folder is known to be, to measure the engine against.</summary>
internal enum ExpectedLabel
{
    /// <summary>Phishing, spam or malware: the share in the malicious band is recall.</summary>
    Malicious,

    /// <summary>Legitimate mail: every message out of the clean band is a false positive.</summary>
    Clean,
}
