using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.Showcase;

/// <summary>
/// What users do in their own mailboxes while the attack unfolds, which a whole-mailbox subscription announces too:
/// composing and sending replies, inviting colleagues and answering invitations, chatting in Teams.
/// </summary>
internal sealed class UserTraffic(SimulatedTenant tenant, string domain)
{
    // Writing takes a moment: the pipeline sees a draft before it is sent.
    private static readonly TimeSpan Composing = TimeSpan.FromSeconds(1);

    /// <summary>Plays <paramref name="rounds"/> rounds, each among three users: a meeting answered, a reply, a chat.</summary>
    /// <returns>Every item that stays, with the folder it stays in; drafts are gone once sent.</returns>
    public async Task<IReadOnlyList<OrdinaryCopy>> PlayAsync(IReadOnlyList<string> users, int rounds, Random random, CancellationToken cancellationToken)
    {
        var copies = new List<OrdinaryCopy>();
        var drafts = new List<(string Author, DeliveredMessage Draft)>();
        for (var round = 0; round < rounds && users.Count >= 3; round++)
        {
            var (organizer, attendee, other) = ThreeOf(users, random);
            copies.AddRange(Meeting(organizer, attendee, other, round));
            copies.Add(Kept(tenant.PostTeamsChat(Address(other), Address(organizer), $"Are you joining the review at {9 + round % 8}:00?"), OrdinaryKinds.TeamsChat, scannable: false));
            drafts.Add((attendee, tenant.SaveDraft(Address(attendee), SampleMail.Build(
                Address(attendee), [Address(organizer)], $"RE: Notes from the planning meeting ({round})", $"Thanks, agreed on all points (round {round}).\n\nBest"))));
        }

        await Task.Delay(Composing, cancellationToken);
        foreach (var (author, draft) in drafts)
        {
            var (sent, delivered) = tenant.SendDraft(Address(author), draft.ImmutableId);
            copies.AddRange(delivered.Prepend(sent).Select(copy => Kept(copy, OrdinaryKinds.Reply)));
        }
        return copies;
    }

    // The organizer invites two colleagues; one accepts, the other declines, and Outlook files each invitation in
    // Deleted Items once answered.
    private IEnumerable<OrdinaryCopy> Meeting(string organizer, string attendee, string other, int round)
    {
        var (sent, invitations) = tenant.SendMeetingRequest(Address(organizer), $"Quarterly review ({round})", DateTimeOffset.UtcNow.AddDays(1 + round % 5), Address(attendee), Address(other));
        var answers = invitations.Select(invitation => tenant.RespondToMeeting(
            invitation.MailboxId, invitation.ImmutableId, tenant.FindMailbox(invitation.MailboxId)!.UserPrincipalName == Address(attendee) ? "ACCEPTED" : "DECLINED")).ToList();
        return
        [
            .. invitations.Prepend(sent).Select(copy => Kept(copy, OrdinaryKinds.MeetingRequest)),
            .. answers.SelectMany(answer => answer.Delivered.Prepend(answer.SentCopy)).Select(copy => Kept(copy, OrdinaryKinds.MeetingResponse)),
        ];
    }

    private OrdinaryCopy Kept(DeliveredMessage copy, string kind, bool scannable = true) =>
        new(copy, kind, tenant.FindMessage(copy.MailboxId, copy.ImmutableId)!.FolderId, scannable);

    private static (string, string, string) ThreeOf(IReadOnlyList<string> users, Random random)
    {
        var picked = new List<string>(3);
        while (picked.Count < 3)
        {
            var user = users[random.Next(users.Count)];
            if (!picked.Contains(user)) picked.Add(user);
        }
        return (picked[0], picked[1], picked[2]);
    }

    private string Address(string user) => $"{user}@{domain}";
}
