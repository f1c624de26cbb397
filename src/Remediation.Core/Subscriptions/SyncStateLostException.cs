namespace Remediation.Core.Subscriptions;

/// <summary>Graph no longer knows a stored delta link (<c>syncStateNotFound</c>, <c>resyncRequired</c>): start over.</summary>
public sealed class SyncStateLostException(string message, Exception? innerException = null) : Exception(message, innerException);
