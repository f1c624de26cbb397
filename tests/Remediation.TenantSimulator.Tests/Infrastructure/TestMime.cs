namespace Remediation.TenantSimulator.Tests.Infrastructure;

/// <summary>Small RFC 822 messages for tests, and the sample messages under TestData.</summary>
internal static class TestMime
{
    public static string Create(
        string to, string subject = "Quarterly figures", string? messageId = null, string? cc = null, string? bcc = null,
        string from = "Nestor Wilke <nestor@fabrikam.example>")
    {
        var headers = new List<string>
        {
            $"From: {from}",
            $"To: {to}",
        };
        if (cc is not null)
        {
            headers.Add($"Cc: {cc}");
        }

        if (bcc is not null)
        {
            headers.Add($"Bcc: {bcc}");
        }

        headers.Add($"Subject: {subject}");
        headers.Add("Date: Tue, 4 Mar 2025 09:15:00 +0000");
        if (messageId is not null)
        {
            headers.Add($"Message-ID: {messageId}");
        }

        headers.Add("MIME-Version: 1.0");
        headers.Add("Content-Type: text/plain; charset=utf-8");
        return string.Join("\r\n", headers) + "\r\n\r\nPlease find the figures below.\r\n";
    }

    public static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Mime", name));
}
