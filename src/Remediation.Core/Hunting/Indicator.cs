using System.Text.RegularExpressions;
using Remediation.Core.Indexing;

namespace Remediation.Core.Hunting;

/// <summary>
/// Something learned after delivery that marks mail as bad, in one canonical form: lower case, domains without a
/// trailing dot, hashes in hex. Two requests for the same indicator compare equal.
/// </summary>
public sealed partial record Indicator(IndicatorKind Kind, string Value)
{
    /// <summary>Every message in the window (the re-scan after an engine change).</summary>
    public static Indicator AnyMessage { get; } = new(IndicatorKind.AnyMessage, "*");

    /// <summary>Whether the indicator is about what a fingerprint covers (links, attachments, the content itself) rather than about who sent it.</summary>
    public bool IsContent => Kind is IndicatorKind.UrlDomain or IndicatorKind.AttachmentSha256 or IndicatorKind.Fingerprint;

    public static Indicator UrlDomain(string domain) => new(IndicatorKind.UrlDomain, Domain(domain, "URL domain"));

    /// <param name="addressOrDomain">An address (<c>billing@example.com</c>) or a domain (<c>example.com</c>).</param>
    public static Indicator Sender(string addressOrDomain)
    {
        var value = addressOrDomain.Trim().ToLowerInvariant();
        var at = value.LastIndexOf('@');
        return at < 0 ? new(IndicatorKind.Sender, Domain(value, "sender domain"))
            : at == 0 || at == value.Length - 1 ? throw new ArgumentException($"\"{addressOrDomain}\" is not a sender address or domain.", nameof(addressOrDomain))
            : new(IndicatorKind.Sender, value[..at] + "@" + Domain(value[(at + 1)..], "sender domain"));
    }

    public static Indicator AttachmentSha256(string hash)
    {
        var value = hash.Trim().ToLowerInvariant();
        return Sha256().IsMatch(value) ? new(IndicatorKind.AttachmentSha256, value)
            : throw new ArgumentException($"\"{hash}\" is not a SHA-256 in hex (64 characters).", nameof(hash));
    }

    public static Indicator Fingerprint(string id)
    {
        var value = id.Trim().ToLowerInvariant();
        return value.Length is > 0 and <= 64 && value.All(char.IsAsciiHexDigit) ? new(IndicatorKind.Fingerprint, value)
            : throw new ArgumentException($"\"{id}\" is not a fingerprint id.", nameof(id));
    }

    /// <summary>The index partition holding every message this indicator may match; <see cref="Matches"/> decides each.</summary>
    public string IndexKey => Kind switch
    {
        IndicatorKind.UrlDomain => IndexKeys.UrlDomain(Value),
        IndicatorKind.Sender => IndexKeys.SenderDomain(DomainOf(Value)),
        IndicatorKind.AttachmentSha256 => IndexKeys.Attachment(Value),
        IndicatorKind.Fingerprint => IndexKeys.Fingerprint(Value),
        _ => IndexKeys.AnyMessage,
    };

    /// <summary>
    /// Whether an indexed copy from <see cref="IndexKey"/>'s partition matches: a partition holds a whole registrable
    /// domain, and the hunt may name one host or one address in it.
    /// </summary>
    public bool Matches(IndexedCopy copy) => Kind switch
    {
        IndicatorKind.UrlDomain => copy.Values.Any(NamesHost),
        IndicatorKind.Sender => copy.Values.Any(NamesSender),
        _ => true,
    };

    /// <summary>A link to this host is what a URL-domain indicator names: the domain itself or a subdomain of it.</summary>
    public bool NamesHost(string host) => Kind == IndicatorKind.UrlDomain && IsWithin(host, Value);

    /// <summary>This From or Sender address is what a sender indicator names: the address itself, or any in the domain.</summary>
    public bool NamesSender(string address) => Kind == IndicatorKind.Sender
        && (Value.Contains('@', StringComparison.Ordinal) ? address.Equals(Value, StringComparison.OrdinalIgnoreCase) : IsWithin(DomainOf(address), Value));

    public override string ToString() => $"{Kind} {Value}";

    private static bool IsWithin(string host, string domain) =>
        host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);

    private static string DomainOf(string addressOrDomain) => addressOrDomain[(addressOrDomain.LastIndexOf('@') + 1)..];

    private static string Domain(string value, string what)
    {
        var domain = value.Trim().TrimEnd('.').ToLowerInvariant();
        if (domain.Length == 0 || domain.Length > Scanning.Domains.RegistrableDomain.MaxHostLength || !domain.Contains('.', StringComparison.Ordinal) || !domain.All(c => char.IsLetterOrDigit(c) || c is '.' or '-'))
        {
            throw new ArgumentException($"\"{value}\" is not a {what}.", nameof(value));
        }
        return domain;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
