namespace Remediation.TenantSimulator.Model;

/// <summary>
/// The tentative event Exchange's Calendar Attendant puts in an attendee's calendar when transport delivers a meeting
/// request (Graph: the <c>event</c> of an <c>eventMessage</c>), whether or not the attendee ever answers.
/// </summary>
/// <param name="RequestImmutableId">The meeting request the entry came with.</param>
/// <param name="RequestMime">What a response to the organizer is built from.</param>
public sealed record CalendarEntry(string Id, string RequestImmutableId, string Subject, string RequestMime);
