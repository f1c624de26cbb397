namespace Remediation.Core.Mailboxes;

/// <summary>A message's MIME content as the store returned it, unparsed.</summary>
/// <param name="Content">At most the bytes asked for.</param>
/// <param name="Cut">The store held more; the rest was never read.</param>
public sealed record StoredContent(ReadOnlyMemory<byte> Content, bool Cut);
