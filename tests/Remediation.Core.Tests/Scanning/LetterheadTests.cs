using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Scanning;

public class LetterheadTests
{
    private const string Mime = "From: \"Fabrikam Partner Team\" <Partners@Fabrikam.example>\r\nReply-To: desk@fabrikam.example\r\nTo: alice@contoso.example\r\nSubject: Partner summit   in Lisbon\r\n\r\nSee you there.\r\n";

    // The store returns what the MIME says, in its own spelling: the letterhead is the same.
    [Fact]
    public void Of_WhatTheStoreReturnsForTheMime_IsTheMimesLetterhead()
    {
        var stored = Letterhead.Of("Partner summit in Lisbon", [("Fabrikam Partner Team", "partners@fabrikam.example")], "partners@fabrikam.example", ["DESK@fabrikam.example"]);

        Assert.Equal(Letterhead.Of(TestMail.Parse(Mime)), stored);
    }

    [Fact]
    public void Of_NameTheStoreFillsInWithTheAddress_CountsAsNoName()
    {
        var mime = TestMail.Parse("From: bob@fabrikam.example\r\nSubject: Hi\r\n\r\nHello\r\n");

        Assert.Equal(Letterhead.Of(mime), Letterhead.Of("Hi", [("bob@fabrikam.example", "bob@fabrikam.example")], "bob@fabrikam.example", []));
    }

    [Theory]
    [InlineData("Partner summit in Lisbon", "Microsoft account team", "partners@fabrikam.example", "desk@fabrikam.example")]
    [InlineData("Partner summit in Lisbon", "Fabrikam Partner Team", "partners@fabrikam-events.example", "desk@fabrikam.example")]
    [InlineData("Partner summit in Lisbon", "Fabrikam Partner Team", "partners@fabrikam.example", "desk@freemail.example")]
    [InlineData("Your account: partner summit in Lisbon", "Fabrikam Partner Team", "partners@fabrikam.example", "desk@fabrikam.example")]
    public void Of_AnotherName_AddressReplyOrSubject_DiffersFromTheMimes(string subject, string name, string address, string replyTo)
    {
        Assert.NotEqual(Letterhead.Of(TestMail.Parse(Mime)), Letterhead.Of(subject, [(name, address)], address, [replyTo]));
    }

    // A job queued by one instance is checked by another, perhaps of the next version: the hash must not drift.
    [Fact]
    public void Of_SeveralSendersAndReplies_IsTheSameHashInAnyOrderAndAcrossVersions()
    {
        var one = Letterhead.Of(" Partner  summit ", [("\"Fabrikam\"", "b@fabrikam.example"), (null, "a@fabrikam.example")], "b@fabrikam.example", ["y@fabrikam.example", "x@fabrikam.example"]);
        var other = Letterhead.Of("Partner summit", [(null, "A@fabrikam.example"), ("Fabrikam", "b@fabrikam.example")], "B@fabrikam.example", ["x@fabrikam.example", "y@fabrikam.example"]);

        Assert.Equal(one, other);
        Assert.Equal("68e1781629eab52f1990786e41522733", one); // SHA-256 of "Partner summit\n<a@fabrikam.example>,Fabrikam<b@fabrikam.example>\nx@fabrikam.example,y@fabrikam.example"
    }

    // Sender-judging rules read the Sender header too: a real message copied under another Sender is another letterhead.
    [Fact]
    public void Of_ASenderOtherThanTheFrom_DiffersFromTheMimes()
    {
        var onBehalf = TestMail.Parse("Sender: \"Microsoft account team\" <x@rnicrosoft.example>\r\n" + Mime);

        Assert.NotEqual(Letterhead.Of(TestMail.Parse(Mime)), Letterhead.Of(onBehalf));
        Assert.Equal(Letterhead.Of(onBehalf), Letterhead.Of("Partner summit in Lisbon", [("Fabrikam Partner Team", "partners@fabrikam.example")], "x@rnicrosoft.example", ["desk@fabrikam.example"]));
    }
}
