using System.Text;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning;

/// <summary>Parsing within the scan limits: what is kept of headers past their budget, and what each limit is called.</summary>
public sealed class MimeLoaderTests
{
    private const string Body = "\r\nHello Alice,\r\nsee you tomorrow.\r\n";

    [Fact]
    public void Load_HeadersWithinTheBudget_KeepsThemAllAndNamesNoLimit()
    {
        var loaded = Load("From: a@partner.example\r\nSubject: hi\r\n" + Body, new ScanLimits());

        Assert.Null(loaded.LimitExceeded);
        Assert.False(loaded.HeadersCut);
        Assert.Equal("hi", loaded.Mime.Subject);
    }

    [Fact]
    public void Load_HeadersExactlyAtTheBudget_AreKeptWhole()
    {
        const string headers = "From: a@partner.example\r\nSubject: hi\r\n";

        var loaded = Load(headers + Body, new ScanLimits { MaxHeaderBytes = headers.Length });

        Assert.False(loaded.HeadersCut);
        Assert.Null(loaded.LimitExceeded);
    }

    [Fact]
    public void Load_HeadersPastTheBudget_KeepsTheLinesThatFitInOrderAndTheWholeBody()
    {
        const string first = "From: a@partner.example\r\n";
        const string second = "Subject: hi\r\n";
        var headers = first + second + "X-Padding: " + new string('p', 200) + "\r\nTo: alice@contoso.example\r\n";

        var loaded = Load(headers + Body, new ScanLimits { MaxHeaderBytes = first.Length + second.Length });

        Assert.True(loaded.HeadersCut);
        Assert.Equal(new UnscannableReason(ScanLimit.HeaderSize, $"its headers are larger than {first.Length + second.Length} bytes"), loaded.LimitExceeded);
        Assert.Equal(["From", "Subject"], loaded.Mime.Headers.Select(h => h.Field));
        Assert.Equal("Hello Alice,\nsee you tomorrow.\n", loaded.Mime.TextBody?.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Load_FoldedHeaderThatDoesNotFit_DropsItsContinuationsWithIt()
    {
        const string from = "From: a@partner.example\r\n";
        const string to = "To: a@b.example\r\n";
        var headers = from + "Subject: a rather long subject line\r\n folded\r\n\tthat goes on\r\n" + to;

        var loaded = Load(headers + Body, new ScanLimits { MaxHeaderBytes = from.Length + to.Length + 3 });

        Assert.Equal(["From", "To"], loaded.Mime.Headers.Select(h => h.Field));
    }

    [Fact]
    public void Load_FoldedHeaderThatFits_KeepsItsContinuations()
    {
        const string subject = "Subject: a long\r\n folded subject\r\n";
        var headers = subject + "X-Padding: " + new string('p', 200) + "\r\n";

        var loaded = Load(headers + Body, new ScanLimits { MaxHeaderBytes = subject.Length });

        Assert.Equal("a long folded subject", loaded.Mime.Subject);
        Assert.True(loaded.HeadersCut);
    }

    [Fact]
    public void Load_LineFeedsOnly_FindsTheEndOfTheHeadersAtTheBlankLine()
    {
        var mime = "From: a@partner.example\nSubject: hi\n\nX-Not-A-Header: " + new string('b', 500) + "\n";

        var loaded = Load(mime, new ScanLimits { MaxHeaderBytes = 64 });

        Assert.False(loaded.HeadersCut);
        Assert.Contains("X-Not-A-Header", loaded.Mime.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoBlankLine_CountsEverythingAsHeaders()
    {
        var mime = "From: a@partner.example\r\nSubject: hi\r\nX-Padding: " + new string('p', 200) + "\r\n";

        var loaded = Load(mime, new ScanLimits { MaxHeaderBytes = 64 });

        Assert.True(loaded.HeadersCut);
        Assert.Equal(["From", "Subject"], loaded.Mime.Headers.Select(h => h.Field));
    }

    [Theory]
    [InlineData(4L * 1024 * 1024, "it is larger than 4 MB")]
    [InlineData(3L * 1024, "it is larger than 3 KB")]
    [InlineData(1000L, "it is larger than 1000 bytes")]
    [InlineData(1024L * 1024 + 1024, "it is larger than 1025 KB")]
    public void Load_ContentCut_NamesTheMessageSizeInTheLargestWholeUnit(long maxBytes, string description)
    {
        var loaded = MimeLoader.Load(Encoding.ASCII.GetBytes("From: a@partner.example\r\n" + Body), contentCut: true, new ScanLimits { MaxMessageBytes = maxBytes });

        Assert.Equal(new UnscannableReason(ScanLimit.MessageSize, description), loaded.LimitExceeded);
        Assert.False(loaded.HeadersCut);
    }

    [Fact]
    public void Load_ContentCutAndHeadersCut_NamesTheMessageSize()
    {
        var mime = "From: a@partner.example\r\nX-Padding: " + new string('p', 200) + "\r\n" + Body;

        var loaded = MimeLoader.Load(Encoding.ASCII.GetBytes(mime), contentCut: true, new ScanLimits { MaxHeaderBytes = 64, MaxMessageBytes = 2048 });

        Assert.Equal(ScanLimit.MessageSize, loaded.LimitExceeded?.Limit);
        Assert.True(loaded.HeadersCut);
    }

    [Fact]
    public void Load_MimeNestedToTheLimit_KeepsTheDeepestLevelParsed()
    {
        var mime = Nested(depth: 3);

        var loaded = Load(mime, new ScanLimits { MaxMimeDepth = 3 });

        Assert.Contains("deep", loaded.Mime.TextBody ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotMime_IsUnscannableWithAnEmptyMessage()
    {
        var loaded = MimeLoader.Load(ReadOnlyMemory<byte>.Empty, contentCut: false, new ScanLimits());

        Assert.Equal(ScanLimit.NotMime, loaded.LimitExceeded?.Limit);
        Assert.StartsWith("it is not a message that can be parsed (", loaded.LimitExceeded!.Description, StringComparison.Ordinal);
        Assert.True(loaded.HeadersCut);
        Assert.Empty(loaded.Mime.BodyParts);
    }

    [Fact]
    public async Task LoadAsync_StreamLargerThanTheLimit_ReadsOnlyTheLimitAndSaysSo()
    {
        var mime = Encoding.ASCII.GetBytes("From: a@partner.example\r\nSubject: big\r\n\r\n" + new string('x', 10_000));

        var loaded = await MimeLoader.LoadAsync(new MemoryStream(mime), new ScanLimits { MaxMessageBytes = 1024 }, CancellationToken.None);

        Assert.Equal(new UnscannableReason(ScanLimit.MessageSize, "it is larger than 1 KB"), loaded.LimitExceeded);
        Assert.True(loaded.Mime.TextBody?.Length < 1024);
    }

    [Fact]
    public async Task LoadAsync_StreamExactlyAtTheLimit_IsWhole()
    {
        var mime = Encoding.ASCII.GetBytes("From: a@partner.example\r\nSubject: fits\r\n\r\n" + new string('x', 100));

        var loaded = await MimeLoader.LoadAsync(new MemoryStream(mime), new ScanLimits { MaxMessageBytes = mime.Length }, CancellationToken.None);

        Assert.Null(loaded.LimitExceeded);
        Assert.Equal(100, loaded.Mime.TextBody?.Length);
    }

    // Mail still declares legacy code pages, and .NET decodes them only once they are registered: a lure in Shift_JIS,
    // Cyrillic in windows-1251, a euro sign in windows-1252, zero-width joiners in windows-1256 are read as written.
    [Theory]
    [InlineData("shift_jis", "\u0083A\u0083J\u0083E\u0083\u0093\u0083g\u0082\u00AA\u0092\u00E2\u008E~\u0082\u00B3\u0082\u00EA\u0082\u00DC\u0082\u00B5\u0082\u00BD", "\u30A2\u30AB\u30A6\u30F3\u30C8\u304C\u505C\u6B62\u3055\u308C\u307E\u3057\u305F")]
    [InlineData("windows-1251", "\u00C2\u00E0\u00F8 \u00E0\u00EA\u00EA\u00E0\u00F3\u00ED\u00F2 \u00E7\u00E0\u00E1\u00EB\u00EE\u00EA\u00E8\u00F0\u00EE\u00E2\u00E0\u00ED", "\u0412\u0430\u0448 \u0430\u043A\u043A\u0430\u0443\u043D\u0442 \u0437\u0430\u0431\u043B\u043E\u043A\u0438\u0440\u043E\u0432\u0430\u043D")]
    [InlineData("windows-1252", "Pague 500 \u0080 hoje", "Pague 500 \u20AC hoje")]
    [InlineData("windows-1256", "H\u009Del\u009Dlo", "H\u200Cel\u200Clo")]
    [InlineData("iso-8859-7", "\u00C1\u00E3\u00E1\u00F0\u00E7\u00F4\u00DD \u00F0\u00E5\u00EB\u00DC\u00F4\u00E7", "\u0391\u03B3\u03B1\u03C0\u03B7\u03C4\u03AD \u03C0\u03B5\u03BB\u03AC\u03C4\u03B7")]
    public void Load_BodyInALegacyCodePage_IsReadInItsOwnLetters(string charset, string bodyBytes, string expected)
    {
        var mime = $"From: a@partner.example\r\nSubject: notice\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{bodyBytes}\r\n";

        var loaded = MimeLoader.Load(Encoding.Latin1.GetBytes(mime), contentCut: false, new ScanLimits());

        Assert.Contains(expected, TestMail.Read(loaded.Mime).Text, StringComparison.Ordinal);
    }

    // A mailer that labels UTF-8 as a legacy code page: read as labelled, "bison—one" would be "bisonвЂ”one", Latin and
    // Cyrillic in one word, which the disguise rule reads as an evader's. Valid UTF-8 beyond ASCII is read as UTF-8.
    [Theory]
    [InlineData("windows-1251")]
    [InlineData("iso-8859-1")]
    public void Load_Utf8LabelledAsALegacyCodePage_IsReadAsUtf8(string charset)
    {
        var body = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("The bison\u2014one of many\u2014crossed the road. Caf\u00e9 au lait."));
        var mime = $"From: a@partner.example\r\nSubject: notice\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n";

        var scanned = TestMail.Read(MimeLoader.Load(Encoding.Latin1.GetBytes(mime), contentCut: false, new ScanLimits()).Mime);

        Assert.Contains("The bison\u2014one of many\u2014crossed the road. Caf\u00e9 au lait.", scanned.Text, StringComparison.Ordinal);
        Assert.Empty(new DisguisedTextRule().Evaluate(scanned));
    }

    private static LoadedMime Load(string mime, ScanLimits limits) => MimeLoader.Load(Encoding.ASCII.GetBytes(mime), contentCut: false, limits);

    private static string Nested(int depth)
    {
        var mime = new StringBuilder("From: a@partner.example\r\nSubject: nest\r\nMIME-Version: 1.0\r\n");
        for (var level = 0; level < depth; level++) mime.Append($"Content-Type: multipart/mixed; boundary=\"b{level}\"\r\n\r\n--b{level}\r\n");
        mime.Append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (var level = depth - 1; level >= 0; level--) mime.Append($"--b{level}--\r\n");
        return mime.ToString();
    }
}
