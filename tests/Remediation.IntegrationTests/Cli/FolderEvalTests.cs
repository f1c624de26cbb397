using System.Text.Json;
using Remediation.Cli.Commands;
using Remediation.Cli.Corpus;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.IntegrationTests.Cli;

/// <summary><c>remediation eval --folder DIR --expect …</c> on a small folder written here.</summary>
public sealed class FolderEvalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("folder-eval-").FullName;
    private readonly string _settings;

    public FolderEvalTests()
    {
        Write("en/parcel.eml", Message("Your parcel is on its way", "Hello, your parcel from the shop is on its way and will be delivered today. You can follow it with the tracking link we sent you."));
        Write("de/paket.eml", Message("Ihr Paket kommt heute", "Hallo, Ihr Paket kommt heute. Bitte prüfen Sie die Angaben und wählen Sie bei Bedarf einen Ablageort für die Zustellung."));
        Write("de/phish.eml", Message("Ihr Konto", "Hallo, Ihr Konto wird gesperrt. Bitte melden Sie sich sofort an und bestätigen Sie die Daten: https://login.phish.example/konto"));
        Write("labelled.eml", Message("Meeting notes", "Hello, here are the notes from the meeting with the team. Please add anything that is missing.", contentLanguage: "fr-FR"));
        _settings = Path.Combine(_folder, "settings.json");
        File.WriteAllText(_settings, """{ "Detection": { "BlockedUrlDomains": [ "phish.example" ] } }""");
    }

    [Fact]
    public async Task Eval_FolderExpectedClean_CountsTheFalsePositiveByBandLanguageAndRule()
    {
        var output = new StringWriter();

        var exit = await FolderEval.ExecuteAsync(_folder, ExpectedLabel.Clean, languageFromHeader: false, asJson: false, Scanner(), output, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("4 messages, all expected clean", text, StringComparison.Ordinal);
        Assert.Contains("false positives: malicious band 1 (25.00 %)", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^de\s+2 \|\s+1\s+0\s+1\s+0$", text);
        Assert.Matches(@"(?m)^en\s+2 \|\s+2\s+0\s+0\s+0$", text);
        Assert.Matches(@"(?m)^\s+BLOCKED_URL_DOMAIN\s+1 \(25\.00 %\)$", text);
        Assert.Contains("full engine", text, StringComparison.Ordinal);
        Assert.Contains($"de{Path.DirectorySeparatorChar}phish.eml", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_FolderExpectedMalicious_AsJson_ReportsRecallLanguagesRulesAndThroughput()
    {
        var output = new StringWriter();

        await FolderEval.ExecuteAsync(_folder, ExpectedLabel.Malicious, languageFromHeader: true, asJson: true, Scanner(), output, CancellationToken.None);

        using var report = JsonDocument.Parse(output.ToString());
        var root = report.RootElement;
        Assert.Equal("malicious", root.GetProperty("expect").GetString());
        Assert.Equal(1, root.GetProperty("bands").GetProperty("malicious").GetInt32());
        Assert.Equal(4, root.GetProperty("bands").GetProperty("total").GetInt32());
        var languages = root.GetProperty("languages").EnumerateArray().ToDictionary(l => l.GetProperty("language").GetString()!, l => l.GetProperty("bands").GetProperty("total").GetInt32());
        // The header names French although the text is English.
        Assert.Equal(new Dictionary<string, int> { ["de"] = 2, ["en"] = 1, ["fr"] = 1 }, languages);
        Assert.Equal(1, root.GetProperty("rules").GetProperty("BLOCKED_URL_DOMAIN").GetInt32());
        Assert.True(root.GetProperty("fullEngine").GetProperty("messagesPerSecond").GetDouble() > 0);
        // For a malicious folder every message outside the malicious band is a miss.
        Assert.Equal(3, root.GetProperty("mismatches").GetArrayLength());
    }

    [Theory]
    [InlineData("--folder", "x")]
    [InlineData("--expect", "clean")]
    [InlineData("--json")]
    [InlineData("--folder", "x", "--expect", "clean", "--spamassassin")]
    public void Parse_FolderOptionsWithoutTheirPartner_IsRefused(params string[] args) =>
        Assert.NotEmpty(EvalCommand.Create().Parse(args).Errors);

    [Theory]
    [InlineData("--folder", "x", "--expect", "malicious", "--json", "--language-from-header", "--accepted-domain", "contoso.example")]
    [InlineData("--split", "All", "--spamassassin")]
    [InlineData]
    public void Parse_FolderWithExpectation_OrTheCorpusAsBefore_IsAccepted(params string[] args) =>
        Assert.Empty(EvalCommand.Create().Parse(args).Errors);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private LocalScanner Scanner() => LocalScanner.Create("6c1d4a2e-93f0-4c1b-9f57-0a3e8d2b7c11", ["contoso.example"], _settings);

    private void Write(string name, string mime)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, mime);
    }

    private static string Message(string subject, string body, string? contentLanguage = null) =>
        $"From: Sender <news@shop.example>\r\nTo: alex@contoso.example\r\nSubject: {subject}\r\nDate: Mon, 9 Mar 2026 08:00:00 +0000\r\n" +
        $"Message-ID: <{Guid.NewGuid():N}@shop.example>\r\nMIME-Version: 1.0\r\n" +
        (contentLanguage is null ? "" : $"Content-Language: {contentLanguage}\r\n") +
        $"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n";
}
