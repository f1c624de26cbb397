namespace Remediation.Core.Scanning.Domains;

/// <summary>Mail services anyone can sign up to: an address there says nothing about an organisation.</summary>
internal static class FreemailDomains
{
    private static readonly DomainList Known = new(
    [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "aol.com", "icloud.com", "me.com", "mail.com", "gmx.com", "gmx.net", "gmx.de", "web.de", "yandex.com", "yandex.ru",
        "mail.ru", "proton.me", "protonmail.com", "zoho.com", "tutanota.com", "qq.com", "163.com",
    ]);

    public static bool Contains(string domain) => Known.Match(domain) is not null;
}
