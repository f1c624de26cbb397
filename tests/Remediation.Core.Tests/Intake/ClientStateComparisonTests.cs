using System.Reflection;
using System.Security.Cryptography;
using Remediation.Core.Intake;

namespace Remediation.Core.Tests.Intake;

/// <summary>
/// The webhook's secret is compared in constant time, so it cannot be learnt byte by byte from response timing. No
/// response shows timing reliably enough to test, so these read the compiled intake: the secret is read once, at
/// construction, and a presented value only reaches it through <see cref="CryptographicOperations.FixedTimeEquals(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.
/// </summary>
public sealed class ClientStateComparisonTests
{
    private static readonly MethodBase Matches = Method("ClientStateMatches");

    [Fact]
    public void ClientStateMatches_ComparesWithFixedTimeEqualsAndNothingElse()
    {
        var calls = IlCalls.Of(Matches);

        Assert.Contains(calls, call => call.DeclaringType == typeof(CryptographicOperations) && call.Name == nameof(CryptographicOperations.FixedTimeEquals));
        Assert.DoesNotContain(calls, IsComparison);
    }

    [Fact]
    public void PresentedClientState_IsReadOnlyToBeComparedInConstantTime()
    {
        var readers = Readers(typeof(ChangeNotification), nameof(ChangeNotification.ClientState));

        Assert.Equal(["IsOurs"], readers.Select(reader => reader.Name));
        Assert.Contains(Matches, IlCalls.Of(readers[0]));
    }

    [Fact]
    public void ConfiguredClientState_IsReadOnlyAtConstruction()
    {
        var readers = Readers(typeof(TenantOptions), nameof(TenantOptions.ClientState));

        Assert.NotEmpty(readers);
        Assert.All(readers, reader => Assert.True(reader.IsConstructor, $"{reader.Name} reads the configured secret"));
    }

    private static List<MethodBase> Readers(Type owner, string property)
    {
        var getter = owner.GetProperty(property)!.GetMethod!;
        return [.. IlCalls.BodiesOf(typeof(NotificationIntake)).Where(body => IlCalls.Of(body).Contains(getter))];
    }

    private static bool IsComparison(MethodBase call) =>
        call.Name is "op_Equality" or "op_Inequality" or "Equals" or "SequenceEqual" or "Compare" or "CompareTo" or "CompareOrdinal" or "StartsWith";

    private static MethodBase Method(string name) =>
        typeof(NotificationIntake).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Instance) ?? throw new MissingMethodException(nameof(NotificationIntake), name);
}
